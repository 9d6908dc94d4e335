import { analyze, type Token } from './analyzer.js';
import { normalizeWord } from './normalize.js';
import { russianNameTerm } from './stemmer.js';

/** One part of a search query: a word, a compound or a "quoted phrase", maybe negated. */
export interface QueryClause {
  /** The analyzed tokens; more than one means they must stand together, in order. */
  tokens: Token[];
  /** True for quoted phrases and hyphenated compounds: the tokens must be adjacent. */
  phrase: boolean;
  /** True for -exclusions: documents matching this clause are left out. */
  negated: boolean;
}

/** A parsed and analyzed query. Token offsets point into the original query string. */
export interface AnalyzedQuery {
  clauses: QueryClause[];
}

const QUOTE_PAIRS: ReadonlyMap<string, string> = new Map([
  ['"', '"'],
  ['«', '»'],
  ['„', '“”'],
  ['“', '”"'],
]);

interface Segment {
  start: number;
  end: number;
  quoted: boolean;
  negated: boolean;
}

function isNegationAt(query: string, index: number): boolean {
  return query[index] === '-' && (index === 0 || /\s/.test(query[index - 1] ?? ''));
}

function closingIndex(query: string, open: number): number {
  const closers = QUOTE_PAIRS.get(query[open] ?? '') ?? '';
  for (let i = open + 1; i < query.length; i++) if (closers.includes(query[i] ?? '')) return i;
  return -1;
}

/** Splits the query into quoted and unquoted segments, noting a leading '-' on each. */
function segment(query: string): Segment[] {
  const segments: Segment[] = [];
  let plainStart = 0;
  for (let i = 0; i < query.length; i++) {
    if (!QUOTE_PAIRS.has(query[i] ?? '')) continue;
    const close = closingIndex(query, i);
    if (close < 0) break;
    const negated = i > 0 && isNegationAt(query, i - 1);
    segments.push({ start: plainStart, end: negated ? i - 1 : i, quoted: false, negated: false });
    segments.push({ start: i + 1, end: close, quoted: true, negated });
    plainStart = close + 1;
    i = close;
  }
  segments.push({ start: plainStart, end: query.length, quoted: false, negated: false });
  return segments.filter((s) => s.end > s.start);
}

function shiftTokens(tokens: Token[], offset: number): Token[] {
  return tokens.map((t) => ({ ...t, start: t.start + offset, end: t.end + offset }));
}

/** Groups tokens into clauses: each compound's parts form one phrase, other words stand alone. */
function groupTokens(tokens: Token[], negated: boolean): QueryClause[] {
  const clauses: QueryClause[] = [];
  for (const token of tokens) {
    if (token.compound === undefined) {
      clauses.push({ tokens: [token], phrase: false, negated });
      continue;
    }
    const parts: Token[] = [];
    while (clauses.length > 0) {
      const last = clauses[clauses.length - 1]?.tokens[0];
      if (last === undefined || last.start < token.start) break;
      parts.unshift(last);
      clauses.pop();
    }
    clauses.push({ tokens: parts, phrase: parts.length > 1, negated });
  }
  return clauses;
}

/** Words of an unquoted segment: each whitespace-separated chunk, negated when it starts with '-'. */
function plainClauses(query: string, seg: Segment): QueryClause[] {
  const clauses: QueryClause[] = [];
  const text = query.slice(seg.start, seg.end);
  for (const match of text.matchAll(/\S+/g)) {
    const absolute = seg.start + match.index;
    const negated = isNegationAt(query, absolute);
    clauses.push(...groupTokens(shiftTokens(analyze(match[0]), absolute), negated));
  }
  return clauses;
}

/**
 * Parses and analyzes a search query with the document analyzer: "quoted phrases" (also «»
 * and „“), -exclusions of words and phrases, and hyphenated compounds, which must match as
 * adjacent parts. An unclosed quote is read as plain text.
 */
export function analyzeQuery(query: string): AnalyzedQuery {
  const clauses: QueryClause[] = [];
  for (const seg of segment(query)) {
    if (!seg.quoted) {
      clauses.push(...plainClauses(query, seg));
      continue;
    }
    // A compound's whole stays after its parts, as documents store it («10-15»: 10 15 1015),
    // so the phrase's words stand as they do in the document's analyzed text.
    const tokens = shiftTokens(analyze(query.slice(seg.start, seg.end)), seg.start);
    if (tokens.length > 0) clauses.push({ tokens, phrase: true, negated: seg.negated });
  }
  return { clauses };
}

/** Distinct terms of the clauses that are not negated: what a snippet should mark. */
export function positiveTerms(query: AnalyzedQuery): Set<string> {
  const terms = new Set<string>();
  for (const clause of query.clauses) {
    if (clause.negated) continue;
    for (const token of clause.tokens) if (!token.stop || clause.phrase) terms.add(token.term);
  }
  return terms;
}

/**
 * The query with each lower-case Russian word in -ов/-ев read as the name it would be with a
 * capital («лавров» -> `лавров`, not `лавр`; see russianNameTerm) where more articles hold the
 * name than the stem: readers type names in lower case, articles capitalize them, and
 * «долларов» stays `доллар`.
 */
export function withNameForms(
  query: AnalyzedQuery,
  documentFrequency: (term: string) => number,
): AnalyzedQuery {
  const asName = (token: Token): Token => {
    if (token.script !== 'cyrillic' || token.surface !== token.surface.toLowerCase()) return token;
    const name = russianNameTerm(normalizeWord(token.surface));
    if (name === null || name === token.term) return token;
    return documentFrequency(name) > documentFrequency(token.term)
      ? { ...token, term: name }
      : token;
  };
  return {
    clauses: query.clauses.map((clause) => ({ ...clause, tokens: clause.tokens.map(asName) })),
  };
}
