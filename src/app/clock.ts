// The app's clock, a dependency of the app service: the real time, unless a test injects another. Every due date,
// audit entry and certificate takes its time from here, through the vault the service opens.
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
