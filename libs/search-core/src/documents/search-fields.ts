/**
 * The analyzed fields of the native search: title, the body's keywords, body (in the order of
 * the index's searchable attributes, which the attribute rule ranks by).
 */
export const NATIVE_SEARCH_FIELDS: readonly string[] = ['title_terms', 'keywords', 'body_terms'];

/**
 * The fields of the cross-lingual search: the native ones of title and body too (numbers, and
 * Latin words such as "Twitter" inside Russian articles), the counterparts of title and body,
 * the title's names, and the names of the whole article.
 */
export const CROSS_LINGUAL_SEARCH_FIELDS: readonly string[] = [
  'title_terms',
  'title_cross',
  'title_names',
  'body_terms',
  'body_cross',
  'name_keys',
];
