/** Stored with every parse, so a plan parsed by an older parser can be found and re-parsed. */
export const PARSER_VERSION = '2';
