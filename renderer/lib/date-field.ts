// Every day the screens ask for is a date picker (<input type="date">): it shows the day in the computer's own form
// (30/11/2026 in the UK, 11/30/2026 in the US) and gives the app yyyy-mm-dd, or '' while it is empty or unfinished.
// So hints and problems speak of picking a day and never name a format; a day said back in words is longDay's
// ('30 November 2026', lib/format.ts), which no locale reads otherwise.

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `value` is a real calendar day as a date picker gives it (yyyy-mm-dd). */
export function isDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The problem of a required day field, or null: `what` is the day asked for, 'the day the notice was sent'. */
export function dayFieldProblem(value: string, what: string): string | null {
  const v = value.trim();
  // An unfinished date reads as '' too: "pick" covers both.
  if (v === '') return `Pick ${what}.`;
  if (!isDay(v)) return `Pick ${what} again: that is not a day of the calendar.`;
  return null;
}
