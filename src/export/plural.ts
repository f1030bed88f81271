// Counting words for the sentences the exports give the person exporting: one definition for every export's notes.

/** "1 person was" or "3 people were": the count, then the singular or the plural words. */
export const people = (n: number, one: string, many: string): string => (n === 1 ? `1 ${one}` : `${n} ${many}`);
