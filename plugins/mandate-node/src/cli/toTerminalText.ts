// ESC-introduced sequences: CSI (`ESC [ ... final`, colours, cursor moves, screen clears),
// OSC (`ESC ] ... BEL|ESC \`, window titles, hyperlinks), and two-character escapes.
const ESCAPE_SEQUENCES =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]?|\u009b[0-?]*[ -/]*[@-~]/g;
// Line breaks and tabs would let a value forge lines of the table: they become spaces.
const WHITESPACE_CONTROLS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
// Other C0/C1 controls, and bidirectional overrides that make a terminal show text reordered.
const OTHER_CONTROLS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A catalog-controlled string (entity refs, messages, evidence) made safe for a terminal or a
 * CI log: no escape sequence that recolours, moves the cursor, retitles the window or hides
 * text, and no line break that forges a line.
 */
export function toTerminalText(text: string): string {
  return text
    .replace(ESCAPE_SEQUENCES, '')
    .replace(WHITESPACE_CONTROLS, ' ')
    .replace(OTHER_CONTROLS, '');
}
