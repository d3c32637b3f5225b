/**
 * Limits the readers of tables share (parse/: .docx, .html and drawn tables; office/: .xlsx).
 *
 * The longest cell merged down (a unit, a deadline) that a reader repeats on each row it covers; a
 * longer one stays in its first row, so that a hostile table of one large cell over many rows cannot
 * multiply its text.
 */
export const MAX_REPEATED_CELL = 200;
