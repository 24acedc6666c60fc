/**
 * What a route accepts in its path parameters. A route whose parameter does
 * not fit is not matched at all (404), so a hostile value such as
 * `..%2F..%2Fadmin` never reaches a controller, a view or a redirect. The
 * patterns are anchored: the router tests them against the whole decoded
 * value.
 */

/**
 * A link token's alphabet (base64url). The exact shape (isLinkToken) is
 * checked where the token is used, so that a link a mail program cut short
 * still gets the page that says the link is invalid and what to do.
 */
export const LINK_TOKEN_PARAM = /^[A-Za-z0-9_-]{1,128}$/

/** A reader's signed link (readerToken): the id in base 36, a dot, 128 bits of HMAC. */
export const READER_TOKEN_PARAM = /^[0-9a-z]{1,12}\.[A-Za-z0-9_-]{22}$/

/** A newsletter list's address, as the list form accepts it. */
export const LIST_SLUG_PARAM = /^[a-z0-9-]{2,60}$/

export const linkToken = { match: LINK_TOKEN_PARAM }
export const readerToken = { match: READER_TOKEN_PARAM }
export const listSlug = { match: LIST_SLUG_PARAM }
