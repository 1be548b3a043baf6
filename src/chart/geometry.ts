/** A rectangle in whole or fractional pixels; painting rounds it. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A line of text placed on the chart: `y` is the top of its capitals. */
export interface TextItem {
  text: string;
  x: number;
  y: number;
  scale: number;
  align: 'left' | 'center' | 'right';
  bold?: boolean;
}
