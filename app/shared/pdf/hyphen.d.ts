// The hyphen package ships no types; this is the part Kreds uses.
declare module 'hyphen/da/index.js' {
  const danish: {
    hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string
  }
  export default danish
}
