/**
 * Text from outside (titles, authors, file names) made safe to show in one line of the UI.
 *
 * Bidirectional controls are removed: a right-to-left override in a file name can make
 * "report\u202Etxt.exe" read as "reportexe.txt", so the UI shows the characters in their stored
 * order instead. Line breaks and other control characters become a space (a title is one line).
 * The stored text is never changed; this is for display only.
 */
export function forDisplay(text: string): string {
  return (
    text
      .replace(BIDI_CONTROLS, '')
      // C0 and C1 controls, and the line and paragraph separators.
      // eslint-disable-next-line no-control-regex -- matching control characters is the point here
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
  );
}

/**
 * Every character that changes the direction of the text around it: the Arabic letter mark, the
 * left-to-right and right-to-left marks, the embeddings and overrides (U+202A–U+202E) and the
 * isolates (U+2066–U+2069). Zero-width joiners stay: emoji and some scripts need them.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Whether a text holds any bidirectional control (to warn about a disguised file name). */
export function hasBidiControls(text: string): boolean {
  BIDI_CONTROLS.lastIndex = 0;
  return BIDI_CONTROLS.test(text);
}
