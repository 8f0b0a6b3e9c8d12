/**
 * Rewriters for the native sources of an app (Dart, Swift, Kotlin, Java). Each is synchronous and pure: it takes a
 * file's text and the loaded grammars, and returns the new text and the findings. The grammars are loaded once, on
 * demand, by loadNativeParsers().
 */
export { type DartRewriteContext, rewriteDartSource } from './dart.js';
export { rewriteJavaSource, rewriteKotlinSource } from './android.js';
export { rewriteSwiftSource } from './swift.js';
export { findMobileSdkUses } from './mobile-sdk.js';
export type { NativeRewriteContext } from './edits.js';
export { loadNativeParsers, NATIVE_LANGUAGES, type NativeLanguage, type NativeParsers } from './parsers.js';
