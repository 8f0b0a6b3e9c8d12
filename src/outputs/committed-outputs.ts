import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isDartOutputsFile, readDartOutputs } from './dart-outputs.js';

/** A committed output file, as `check` compares it with the converted result. */
export interface CommittedOutputs {
  /** The JSON text to compare with the converted `ConvertResult.text` (empty when the file cannot be read). */
  text: string;
  /** The findings about the file (drift, unreadable), placed at their line and column in it where it is Dart. */
  place(diagnostics: readonly Diagnostic[]): Diagnostic[];
}

/**
 * The committed file named `fileName` with text `text`: a JSON file as it is; a `.dart` file (the Dart form Gen2
 * writes) by the JSON its `amplifyConfig` string holds, with a final newline as the converted text has. The Dart
 * around the string is not compared; findings about the JSON point at their lines in the .dart file, and a file that
 * cannot be read says why, where.
 */
export function committedOutputs(fileName: string, text: string): CommittedOutputs {
  if (!isDartOutputsFile(fileName)) return { text, place: (diagnostics) => [...diagnostics] };
  const reading = readDartOutputs(text);
  if (!reading.ok) {
    const { message, line, column } = reading.problem;
    return {
      text: '',
      place: (diagnostics) =>
        diagnostics.map((diagnostic) =>
          diagnostic.code === 'OUTPUTS_UNREADABLE' ? { ...diagnostic, message, source: { ...diagnostic.source, line, column } } : diagnostic,
        ),
    };
  }
  return {
    text: reading.json.endsWith('\n') ? reading.json : `${reading.json}\n`,
    place: (diagnostics) =>
      diagnostics.map((diagnostic) =>
        diagnostic.code === 'OUTPUTS_DRIFT' ? { ...diagnostic, source: { ...diagnostic.source, ...reading.locate(diagnostic.source.pointer) } } : diagnostic,
      ),
  };
}
