// The finding row the user picked on the import preview: the findings panel sets it, the screen keeps it (and clears
// it on a new preview). Its own file so that the panel does not import the screen that imports the panel.
export interface Highlight {
  line: number;
  column: string | null;
  index: number;
}
