import { joinPointer } from '../../source/json-pointer.js';
import { cloneJson, isPlainObject } from '../../mapping/output-tree.js';
import { DROP_REASONS } from '../drop-reasons.js';
import { describeValue, invalid } from '../support/report-value.js';
import type { Transform } from '../transform-context.js';

/** Transforms for custom.Predictions, in the shape amplify-js v6 reads. */

/**
 * `predictions` becomes `custom.Predictions`, in the shape amplify-js v6 reads (the speech generator's `VoiceId`
 * renamed to `voiceId`, as the v6 Gen1 parser does).
 */
export const predictions: Transform = (value, ctx) => {
  if (!isPlainObject(value)) return invalid(ctx, 'an object', value);
  const result = cloneJson(value);
  const convert = result['convert'];
  const speech = isPlainObject(convert) ? convert['speechGenerator'] : undefined;
  const defaults = isPlainObject(speech) ? speech['defaults'] : undefined;
  if (isPlainObject(speech) && isPlainObject(defaults) && typeof defaults['VoiceId'] === 'string') {
    const defaultsPointer = `${ctx.pointer}/convert/speechGenerator/defaults`;
    for (const key of Object.keys(defaults)) {
      if (key !== 'VoiceId') ctx.drop(joinPointer(defaultsPointer, key), DROP_REASONS.speechDefaults);
    }
    speech['defaults'] = { voiceId: defaults['VoiceId'] };
  }
  return result;
};

/**
 * Predictions resources, in the shape the Gen1 web generator gives them (and amplify-js v6 reads), for
 * `custom.Predictions`.
 */
export const metaPrediction: Transform = (value, ctx) => {
  if (!isPlainObject(value) || !isPlainObject(value['output'])) return invalid(ctx, 'a predictions resource with outputs', value);
  const output = value['output'];
  const region = output['region'];
  const text = (key: string): unknown => output[key];
  const outputPointer = joinPointer(ctx.pointer, 'output');
  const used = (...keys: string[]): void => {
    for (const key of Object.keys(output)) if (!keys.includes(key)) ctx.drop(joinPointer(outputPointer, key), DROP_REASONS.deploymentOutput);
  };
  switch (value['service']) {
    case 'Translate':
      used('region', 'sourceLang', 'targetLang');
      return { convert: { translateText: { region, proxy: false, defaults: { sourceLanguage: text('sourceLang'), targetLanguage: text('targetLang') } } } };
    case 'Polly':
      used('region', 'voice', 'language');
      return { convert: { speechGenerator: { region, proxy: false, defaults: { voiceId: text('voice') } } } };
    case 'Transcribe':
      used('region', 'language');
      return { convert: { transcription: { region, proxy: false, defaults: { language: text('language') } } } };
    case 'Rekognition':
    case 'RekognitionAndTextract': {
      const type = value['identifyType'];
      if (type === 'identifyText') {
        used('region', 'format');
        return { identify: { identifyText: { proxy: false, region, defaults: { format: text('format') } } } };
      }
      if (type === 'identifyEntities') {
        used('region', 'celebrityDetectionEnabled', 'collectionId', 'maxEntities');
        const entities: Record<string, unknown> = { proxy: false, region, celebrityDetectionEnabled: Boolean(text('celebrityDetectionEnabled')) };
        const maxEntities = text('maxEntities');
        if (text('collectionId')) {
          entities['defaults'] = {
            collectionId: text('collectionId'),
            maxEntities: typeof maxEntities === 'number' || typeof maxEntities === 'string' ? Number.parseInt(String(maxEntities), 10) : undefined,
          };
        }
        return { identify: { identifyEntities: entities } };
      }
      used('region', 'type');
      return { identify: { identifyLabels: { proxy: false, region, defaults: { type: text('type') } } } };
    }
    case 'Comprehend':
      used('region', 'type');
      return { interpret: { interpretText: { region, proxy: false, defaults: { type: text('type') } } } };
    case 'SageMaker':
      used('region', 'endpointName');
      return { infer: { inferModel: { region, proxy: false, endpoint: text('endpointName') } } };
    default:
      ctx.report('UNKNOWN_FIELD', {
        message:
          value['service'] === undefined
            ? 'The predictions resource names no service, so the converter cannot tell what it is.'
            : `The predictions service ${describeValue(value['service'])} is not one the converter knows.`,
        resolution: 'Configure it in code.',
      });
      return undefined;
  }
};
