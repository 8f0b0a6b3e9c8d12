import type { PlatformText } from './platform-text.js';

/**
 * Every diagnostic code this package can emit, with its default severity, a short title and a longer
 * explanation. This table is the only place codes are defined; the text and JSON reports, the README and
 * the tests read it.
 */

export type Severity = 'error' | 'warning' | 'info';

/**
 * A code's default severity, title and explanation, and the resolution its findings carry when they say no other.
 * Errors and warnings must say what to do; an information may leave it to 'No action is needed.'. A resolution that
 * shows code says it in each platform's own library where they differ (see PlatformText; `web` is amplify-js).
 */
export type DiagnosticCodeInfo =
  | { severity: 'error' | 'warning'; title: string; explanation: string; resolution: PlatformText }
  | { severity: 'info'; title: string; explanation: string; resolution?: PlatformText };

const CODES = {
  PARSE_ERROR: {
    severity: 'error',
    title: 'The file does not parse',
    explanation: 'The input is not valid JavaScript, TypeScript or JSON. Nothing was converted.',
    resolution: 'Fix the syntax error at the position shown (or restore the file the Amplify CLI generated) and run again.',
  },
  NESTING_TOO_DEEP: {
    severity: 'error',
    title: 'Nested too deeply to read',
    explanation:
      'The text nests objects, arrays or brackets more than 200 levels deep, which no Gen1 configuration does. It is refused before parsing. Nothing was converted.',
    resolution: 'Point the command at the configuration file the Amplify CLI generated.',
  },
  INPUT_TOO_LARGE: {
    severity: 'error',
    title: 'Too large to be a configuration',
    explanation: 'The text is larger than 10 MiB, which no Gen1 configuration comes near. It is refused unread. Nothing was converted.',
    resolution: 'Point the command at the configuration file the Amplify CLI generated.',
  },
  NO_CONFIG_OBJECT: {
    severity: 'error',
    title: 'No configuration object found',
    explanation: 'The file parses, but it exports no object literal (export default, module.exports, or top-level aws_* constants). Nothing was converted.',
    resolution:
      'Point the command at the configuration file the Amplify CLI generated (aws-exports.js, amplifyconfiguration.json, awsconfiguration.json, amplifyconfiguration.dart or amplify-meta.json).',
  },
  UNSUPPORTED_FORMAT: {
    severity: 'error',
    title: 'Not a format this version reads',
    explanation: 'The content is not one of the Gen1 formats this version converts.',
    resolution: 'Point the command at a Gen1 configuration file, or name its format with --from.',
  },
  ALREADY_GEN2: {
    severity: 'error',
    title: 'Already a Gen2 file',
    explanation: 'The input already is an amplify_outputs.json (it has a "version" starting with 1). There is nothing to convert.',
    resolution: 'Point the command at the Gen1 file (aws-exports.js or amplifyconfiguration.json) instead.',
  },
  INVALID_OPTION: {
    severity: 'error',
    title: 'Invalid option',
    explanation: 'An option passed to the command or the library is not one it accepts.',
    resolution: 'Correct the option; the message says which values it takes.',
  },
  NON_LITERAL_VALUE: {
    severity: 'warning',
    title: 'Value is not a literal',
    explanation:
      'The value is computed when the file runs (an environment variable, a call, an identifier that is not a literal constant, a template with expressions). The file is never executed, so the field is skipped.',
    resolution:
      'Replace it with the literal value your deployed environment uses (for example from `amplify pull`), or set this field in amplify_outputs.json by hand.',
  },
  SPREAD_NOT_EVALUATED: {
    severity: 'warning',
    title: 'Spread not evaluated',
    explanation: 'An object spread (`...other`) adds fields only when the file runs. Those fields are not converted.',
    resolution: 'Write the fields out as literal values if they should be converted.',
  },
  COMPUTED_KEY_NOT_EVALUATED: {
    severity: 'warning',
    title: 'Computed key not evaluated',
    explanation: 'A key written as `[expression]` is known only when the file runs. That field is not converted.',
    resolution: 'Write the fields out as literal values if they should be converted.',
  },
  DUPLICATE_KEY: {
    severity: 'warning',
    title: 'Key written twice',
    explanation: 'The same key appears twice in one object. As in JavaScript, the last one wins; the earlier one is ignored.',
    resolution: 'Remove the duplicate so that the file says what it means.',
  },
  UNKNOWN_FIELD: {
    severity: 'warning',
    title: 'Field not known',
    explanation:
      'The field is not one the Gen1 tools write and no mapping row covers it (often a hand-added key). It is not carried into amplify_outputs.json.',
    resolution: 'If your app reads this field, carry it yourself (for example under custom in amplify_outputs.json); otherwise remove it.',
  },
  EMPTY_VALUE: {
    severity: 'info',
    title: 'Empty value',
    explanation: 'The field is an empty string, which carries no setting (often a redacted or placeholder value). It is not carried.',
  },
  INVALID_VALUE: {
    severity: 'warning',
    title: 'Value not valid for its field',
    explanation: 'The value has the wrong type or is not one of the values the field allows. It is not carried.',
    resolution: 'Correct the value in the Gen1 file (or regenerate it with the Amplify CLI) and convert again.',
  },
  CONFLICTING_VALUES: {
    severity: 'warning',
    title: 'Two fields disagree',
    explanation:
      'Two fields of the input set the same Gen2 setting to different values. The first one (by the priority documented in the mapping table) is kept.',
    resolution: 'Check which value is right for the deployed backend and make the Gen1 file consistent.',
  },
  SECTION_INCOMPLETE: {
    severity: 'error',
    title: 'Category cannot be carried',
    explanation: 'A Gen2 category needs fields the input does not provide, so the whole category is left out of amplify_outputs.json and the app loses it.',
    resolution:
      'Add the missing fields (from the AWS console or `amplify pull`) to the Gen1 file and convert again, or set the section in amplify_outputs.json by hand.',
  },
  AUTH_WITHOUT_USER_POOL: {
    severity: 'error',
    title: 'Identity pool without a user pool',
    explanation:
      'The input configures only a Cognito identity pool. amplify_outputs.json requires a user pool for its auth category, so guest credentials cannot be expressed there.',
    resolution: {
      web: 'amplify_outputs.json cannot hold an identity pool without a user pool. Either add a user pool to the backend, or configure guest credentials in code (Amplify.configure with Auth.Cognito.identityPoolId and allowGuestAccess).',
      ios: 'amplify_outputs.json cannot hold an identity pool without a user pool, so amplify-swift cannot get guest credentials from it: add a user pool to the backend, or keep configuring Auth from the Gen1 amplifyconfiguration.json.',
      android:
        'amplify_outputs.json cannot hold an identity pool without a user pool, so amplify-android cannot get guest credentials from it: add a user pool to the backend, or keep configuring Auth from the Gen1 amplifyconfiguration.json.',
      flutter:
        'amplify_outputs.json cannot hold an identity pool without a user pool, so amplify_flutter cannot get guest credentials from it: add a user pool to the backend, or keep configuring Auth from the Gen1 amplifyconfiguration.dart.',
    },
  },
  VERSION_TOO_LOW: {
    severity: 'error',
    title: 'Needs a newer outputs version',
    explanation: 'The setting exists only in a later amplify_outputs.json version than the one requested, so it was left out.',
    resolution: 'Convert with a later --outputs-version (or auto) if your Amplify libraries support it.',
  },
  REGION_FALLBACK: {
    severity: 'info',
    title: 'Region taken from the project region',
    explanation: 'The category names no region of its own; the project region (aws_project_region) is used, as the Gen1 tools did.',
  },
  DEFAULT_APPLIED: {
    severity: 'info',
    title: 'Required field filled with a default',
    explanation: 'amplify_outputs.json requires a field the input does not have; the documented default was written.',
  },
  GUEST_ACCESS_ASSUMED: {
    severity: 'info',
    title: 'Guest access kept on',
    explanation:
      'Gen1 files do not say whether the identity pool allows guest (unauthenticated) access, and the Gen1 libraries assumed it does. amplify_outputs.json turns guest access off unless it is stated, so it is written as enabled.',
    resolution: 'If your identity pool does not allow unauthenticated identities, set auth.unauthenticated_identities_enabled to false.',
  },
  USERNAME_SIGN_IN: {
    severity: 'info',
    title: 'Sign-in with a username',
    explanation:
      'The user pool signs in with a username (an empty username attribute list). It is written as ["username"], which amplify-js reads as username sign-in; amplify-swift cannot decode that value, so for iOS apps it is left out (username sign-in is then its absence).',
    resolution: {
      web: 'No action is needed for JavaScript apps. For a Swift app, whose decoder rejects "username", convert in the iOS app (or with --platform ios), which leaves it out of auth.username_attributes.',
      ios: 'No action is needed: "username" is left out of auth.username_attributes, which amplify-swift reads as username sign-in.',
    },
  },
  OLDER_CLI_SIGN_IN_MECHANISMS: {
    severity: 'info',
    title: 'Sign-in mechanisms of an older CLI',
    explanation:
      'The file lists its sign-in mechanisms as Amplify CLI versions 5 to 7 wrote them (aws_cognito_login_mechanisms, loginMechanisms). They are carried as auth.username_attributes and, for social providers, auth.oauth.identity_providers. amplify-js v6 does not read this field from a Gen1 file, so an app on v6 that loaded the Gen1 file did not get these settings; the converted file gives them.',
    resolution: 'No action is needed; check that the sign-in form offers the ways the user pool allows.',
  },
  SIGN_IN_ATTRIBUTES_UNSTATED: {
    severity: 'info',
    title: 'Sign-in attributes not stated',
    explanation:
      'The input does not list the user pool username attributes (files from older CLIs). Gen1 libraries then assumed username sign-in; amplify_outputs.json leaves it unstated.',
  },
  MFA_STATUS_UNSTATED: {
    severity: 'info',
    title: 'MFA methods without a status',
    explanation:
      'The input lists MFA methods but does not say whether MFA is on, optional or off. The methods are carried to auth.mfa_methods, but amplify-js reads them from amplify_outputs.json only together with auth.mfa_configuration.',
    resolution: 'If the user pool uses MFA, set Auth.Cognito.mfa.status (on or optional) in the input, or auth.mfa_configuration in amplify_outputs.json.',
  },
  VERIFICATION_ATTRIBUTE_REQUIRED: {
    severity: 'info',
    title: 'Verification attribute treated as required',
    explanation:
      'Gen1 libraries treated the verification attributes as required sign-up attributes. They are added to standard_required_attributes so that sign-up forms keep asking for them.',
  },
  UNSUPPORTED_PROVIDER: {
    severity: 'warning',
    title: 'Social provider not expressible',
    explanation:
      'amplify_outputs.json lists only GOOGLE, FACEBOOK, LOGIN_WITH_AMAZON and SIGN_IN_WITH_APPLE. Other providers (OIDC, SAML) still work through the Hosted UI but are not listed.',
    resolution: {
      web: "Sign-in with this provider still works through the Hosted UI; in code, call signInWithRedirect with the provider's name.",
      ios: 'Sign-in with this provider still works through the Hosted UI; in code, call Amplify.Auth.signInWithWebUI(for: .custom("<name>"), presentationAnchor: window).',
      android:
        'Sign-in with this provider still works through the Hosted UI; in code, call Amplify.Auth.signInWithSocialWebUI(AuthProvider.custom("<name>"), activity, ...).',
      flutter:
        'Sign-in with this provider still works through the Hosted UI; in code, call Amplify.Auth.signInWithWebUI(provider: AuthProvider.custom("<name>")).',
    },
  },
  AUTH_MODE_FALLBACK: {
    severity: 'warning',
    title: 'Unknown GraphQL authorization mode',
    explanation: 'The AppSync authorization type is not one Gen2 knows. Gen1 libraries fell back to AWS_IAM, and so does the converted file.',
    resolution:
      'Set data.default_authorization_type to the mode your API really uses (API_KEY, AWS_IAM, AMAZON_COGNITO_USER_POOLS, OPENID_CONNECT or AWS_LAMBDA).',
  },
  PUSH_CHANNEL_AMBIGUOUS: {
    severity: 'info',
    title: 'Push channel guessed',
    explanation:
      'Gen1 files do not say whether push notifications go through APNS (iOS) or FCM (Android). Without --platform, the channel is inferred from the file where it can be, and otherwise both are written; the Amplify libraries need only the one of their platform.',
  },
  NESTED_BLOCK_USED: {
    severity: 'info',
    title: 'Setting read from a nested block',
    explanation:
      'The setting comes from a nested block (a hand-written v5-style `Auth: {...}`, or `Analytics: {...}` without the flat aws_mobile_analytics_* keys). amplify-js v6 ignores such blocks when it reads a Gen1 file, but they describe the app, so the setting is carried.',
  },
  MOBILE_HUB_CONSTANTS: {
    severity: 'info',
    title: 'Mobile Hub constants read',
    explanation: 'The file declares the configuration as separate top-level aws_* constants (Mobile Hub). They were read as one object.',
  },
  DART_INTERPOLATION: {
    severity: 'warning',
    title: 'Dart interpolation in the configuration string',
    explanation:
      'The configuration string of the .dart file contains `$name`, which Dart reads as an interpolation (the Gen1 CLI writes values such as "$LATEST" this way). It was read as the literal text the CLI meant.',
    resolution: "In a Dart app, write the string as raw (r'''...''') or escape the $ so that it compiles.",
  },
  VALUE_NORMALIZED: {
    severity: 'info',
    title: 'Value cleaned up',
    explanation: 'Blank entries, surrounding spaces or repeated entries were removed, because amplify_outputs.json requires unique, non-empty values.',
  },
  REST_API_IN_CUSTOM: {
    severity: 'warning',
    title: 'REST API moved to custom.API',
    explanation:
      'amplify_outputs.json has no REST API category. The APIs are written to custom.API by the documented Gen2 convention, and the app must pass them to Amplify.configure itself.',
    resolution: {
      web: 'Pass the APIs to Amplify yourself: Amplify.configure({ ...parseAmplifyConfig(outputs), API: { ...parseAmplifyConfig(outputs).API, REST: outputs.custom.API } }).',
      ios: 'amplify-swift has no such setting: its API plugin reads no REST APIs from amplify_outputs.json. Call the endpoints in custom.API yourself (URLSession), or keep the REST API on the Gen1 configuration until amplify-swift reads them.',
      android:
        'amplify-android has no such setting: its API plugin reads no REST APIs from amplify_outputs.json. Call the endpoints in custom.API yourself (OkHttp, for example), or keep the REST API on the Gen1 configuration until amplify-android reads them.',
      flutter:
        "amplify_flutter does not read custom.API; add each API to the configuration before configuring: final config = jsonDecode(amplifyConfig) as Map<String, dynamic>; config['rest_api'] = {'<name>': {'url': '<endpoint>', 'aws_region': '<region>', 'authorization_type': 'AWS_IAM'}}; await Amplify.configure(jsonEncode(config)); (rest_api is read by amplify_flutter but is not part of the Gen2 schema).",
    },
  },
  PREDICTIONS_IN_CUSTOM: {
    severity: 'warning',
    title: 'Predictions moved to custom.Predictions',
    explanation:
      'amplify_outputs.json has no predictions category. The settings are written to custom.Predictions by the documented Gen2 convention, and the app must pass them to Amplify.configure itself.',
    resolution: {
      web: 'Pass the settings to Amplify yourself: Amplify.configure({ ...parseAmplifyConfig(outputs), Predictions: outputs.custom.Predictions }).',
      ios: 'amplify-swift has no such setting: it reads no predictions settings from amplify_outputs.json. Call the services (Amazon Translate, Polly, Rekognition, Comprehend, Textract) with the AWS SDK for Swift.',
      android:
        'amplify-android has no such setting: it reads no predictions settings from amplify_outputs.json. Call the services (Amazon Translate, Polly, Rekognition, Comprehend, Textract) with the AWS SDK for Kotlin.',
      flutter:
        'amplify_flutter has no predictions category, so there is no such setting: call the services (Amazon Translate, Polly, Rekognition, Comprehend, Textract) from a backend function or with an AWS SDK.',
    },
  },
  CUSTOM_COPIED: {
    severity: 'info',
    title: 'Custom outputs copied',
    explanation: 'The input carries a free-form custom block, which is copied to custom as it is.',
  },
  INTERACTIONS_NOT_SUPPORTED: {
    severity: 'error',
    title: 'Lex (Interactions) cannot be carried',
    explanation:
      'Gen1 chatbots are Amazon Lex V1 bots configured as aws_bots_config. amplify_outputs.json has no interactions category, and Lex V1 is retired.',
    resolution: {
      web: 'Create the bot in Amazon Lex V2 and configure it in code: Amplify.configure({ ...parseAmplifyConfig(outputs), Interactions: { LexV2: { <botName>: { botId, aliasId, localeId, region } } } }).',
      ios: 'amplify-swift has no interactions category, so there is no such setting: create the bot in Amazon Lex V2 and call it with the AWS SDK for Swift (LexRuntimeV2, recognizeText).',
      android:
        'amplify-android has no interactions category, so there is no such setting: create the bot in Amazon Lex V2 and call it with the AWS SDK for Kotlin (LexRuntimeV2Client, recognizeText).',
      flutter:
        'amplify_flutter has no interactions category, so there is no such setting: create the bot in Amazon Lex V2 and call it from a backend function (RecognizeText).',
    },
  },
  HOSTING_NOT_CLIENT_CONFIG: {
    severity: 'info',
    title: 'Hosting is not client configuration',
    explanation: 'The field describes where the app is hosted (S3, CloudFront). Client libraries never read it, and Gen2 does not carry it.',
    resolution: 'No action is needed in amplify_outputs.json; Gen2 apps are hosted by Amplify Hosting.',
  },
  LEGACY_SERVICE: {
    severity: 'warning',
    title: 'Service with no Gen2 client configuration',
    explanation:
      'The field configures a service the Amplify client libraries no longer read (for example DynamoDB tables from Mobile Hub). amplify_outputs.json has no place for it.',
    resolution: 'Configure the service with the AWS SDK in code if the app still uses it; otherwise remove its use from the app.',
  },
  MOCK_ENDPOINT: {
    severity: 'warning',
    title: 'Local mock setting',
    explanation:
      'The field only exists in files written by `amplify mock` to reach a local endpoint over HTTP. amplify_outputs.json has no such switch; convert the file of a deployed environment instead.',
    resolution: 'Convert the configuration of a deployed environment (after `amplify pull`), not the one `amplify mock` wrote.',
  },
  FEDERATION_SETTING: {
    severity: 'info',
    title: 'Identity-pool federation setting',
    explanation:
      'The field describes how the Gen1 app federated identities (federationTarget, a Facebook app id). Gen2 libraries configure federation in code; the field is not carried.',
  },
  LIBRARY_OPTION: {
    severity: 'warning',
    title: 'Library behaviour, not configuration',
    explanation:
      'The Gen1 libraries read this field as a behaviour switch. amplify_outputs.json has no such field; set the behaviour in code if you rely on it.',
    resolution: 'Set the equivalent option in code if your app relies on it.',
  },
  OAUTH_CLIENT_ID_DIFFERS: {
    severity: 'warning',
    title: 'OAuth uses another app client',
    explanation:
      'The Hosted UI settings name an app client other than the user pool client. Gen2 uses user_pool_client_id for both, so the OAuth client id is not carried.',
    resolution: 'Check which app client your app should use and set auth.user_pool_client_id to it (it must have no client secret).',
  },
  CLIENT_SECRET: {
    severity: 'error',
    title: 'App client with a secret',
    explanation:
      'The app client has a client secret. Gen2 libraries never send one, so sign-in with this client fails; the secret itself is not carried (and never shown).',
    resolution:
      'Use an app client without a secret (the web client of the user pool, or a new one from the Cognito console) and set auth.user_pool_client_id to it.',
  },
  MULTIPLE_GRAPHQL_APIS: {
    severity: 'error',
    title: 'More than one GraphQL API',
    explanation: 'amplify_outputs.json holds one GraphQL API (data). One was carried; the others are left out, and the app loses them.',
    resolution: 'Convert with --api <name> (or --select api=<name>) to carry another API, and reach the others in code.',
  },
  REST_AUTHORIZATION: {
    severity: 'info',
    title: 'REST authorization type not carried',
    explanation:
      'The REST API names how its requests are authorized. custom.API has no such field: amplify-js signs REST requests with IAM credentials unless the call passes its own Authorization header.',
  },
  PREDICTIONS_NOT_SUPPORTED: {
    severity: 'warning',
    title: 'Predictions cannot be carried',
    explanation:
      'amplify_outputs.json has no predictions category, and the native Amplify libraries do not read predictions from it (amplify-swift rejects a Gen2 configuration for predictions).',
    resolution: "Configure the predictions services (Amazon Translate, Polly, Rekognition, Comprehend, Textract) in the app's code.",
  },
  NOTHING_CARRIED: {
    severity: 'error',
    title: 'Nothing carried',
    explanation:
      'Nothing in the input could be carried: the amplify_outputs.json written would hold only its version and configure nothing. Either every field was reported (the other findings say why), or the input lists no deployed resource.',
    resolution:
      'Read the other findings; convert the configuration of a deployed environment (after `amplify push` or `amplify pull`), or the project folder, whose amplify-meta.json records what was deployed.',
  },
  NEVER_PUSHED: {
    severity: 'warning',
    title: 'Resource never deployed',
    explanation:
      'The resource is in amplify-meta.json but has no deployment outputs (it was never pushed, or only added locally). The Gen1 CLI leaves such resources out of client configuration, and so does the converter.',
    resolution: 'Run `amplify push` if the app needs this resource, then convert again; otherwise remove it from the backend.',
  },
  NO_ENABLED_CHANNEL: {
    severity: 'info',
    title: 'No notification channel enabled',
    explanation:
      'The Pinpoint app of the notifications category has no enabled channel, so the Gen1 CLI wrote no notifications settings to the client files. amplify_outputs.json, whose notifications need a channel, leaves the category out as well; the app loses nothing.',
  },
  MULTIPLE_RESOURCES: {
    severity: 'error',
    title: 'More than one resource where Gen2 holds one',
    explanation:
      'amplify_outputs.json holds one resource of this kind (one user pool, one bucket without buckets support). One was carried; the others are left out.',
    resolution: 'Convert with --select <category>=<name> to carry another resource, and reach the others in code.',
  },
  GROUP_PRECEDENCE_UNKNOWN: {
    severity: 'info',
    title: 'Group precedence not known',
    explanation:
      'amplify-meta.json names the user pool groups but not their precedence, which lives in amplify/backend/auth/userPoolGroups/user-pool-group-precedence.json. The groups are written without it.',
  },
  ENVIRONMENT_NOTE: {
    severity: 'info',
    title: 'Which environment',
    explanation: 'The project has several Amplify environments; the converted file describes the one the amplify-meta.json belongs to.',
  },
  MODEL_INTROSPECTION_IGNORED: {
    severity: 'warning',
    title: 'Model introspection not used',
    explanation: 'A model introspection file was given, but the converted file has no GraphQL API (data) to attach it to.',
    resolution: 'Convert a Gen1 file that names the GraphQL API, or leave the model introspection out.',
  },
  OUTPUTS_MISSING: {
    severity: 'error',
    title: 'amplify_outputs.json missing',
    explanation: 'The Gen1 sources convert to an amplify_outputs.json, but none is committed where it is expected.',
    resolution: 'Run `amplify-outputs-migrate convert` and commit the amplify_outputs.json it writes.',
  },
  OUTPUTS_DRIFT: {
    severity: 'error',
    title: 'amplify_outputs.json out of date',
    explanation: 'The committed amplify_outputs.json does not say what the Gen1 sources say: a field differs, is missing or is extra.',
    resolution: 'Convert again (`amplify-outputs-migrate convert --force`) and commit the result, or correct the Gen1 source that is stale.',
  },
  OUTPUTS_FORMATTING: {
    severity: 'info',
    title: 'amplify_outputs.json formatted differently',
    explanation: 'The committed amplify_outputs.json says the same as the converted one, in another layout (key order, indentation).',
  },
  OUTPUTS_UNREADABLE: {
    severity: 'error',
    title: 'amplify_outputs.json not readable',
    explanation: 'The committed amplify_outputs.json is not valid JSON.',
    resolution: 'Convert again (`amplify-outputs-migrate convert --force`) to replace the file, and commit the result.',
  },
  SOURCES_DISAGREE: {
    severity: 'warning',
    title: 'Two Gen1 sources disagree',
    explanation:
      'Two Gen1 files of the same app name different backends (a different user pool, API, bucket...). One of them is stale: a common migration bug.',
    resolution: 'Find which Gen1 file names the deployed backend (`amplify pull` rewrites them all), and convert that one.',
  },
  READ_FROM_PROJECT: {
    severity: 'info',
    title: 'Read from the project folder',
    explanation:
      "The app's client file does not say this, and the project folder's amplify-meta.json (and the auth resource's settings beside it) does, for the same backend: guest access, additional GraphQL modes, user pool groups, every bucket, the Pinpoint app of notifications, or the web client where the client file's has a secret.",
  },
  PROJECT_HAS_MORE: {
    severity: 'info',
    title: 'The project has more than the client file',
    explanation:
      "The project folder's amplify-meta.json has parts of the backend that the app's client file does not carry. The client file says what the app runs with today, so they are not written.",
    resolution: 'If the app should use them, run amplify pull to regenerate the client file, and convert again.',
  },
  PROJECT_FIELDS_UNCHECKED: {
    severity: 'info',
    title: 'Fields only the project folder can check',
    explanation:
      "The committed file holds values that only the app's Gen1 project folder says (guest access, groups, additional GraphQL modes, buckets, notifications), and the project's amplify-meta.json is not here: the Gen1 CLI's .gitignore leaves it out, so a CI checkout seldom has it. The client file cannot confirm or deny them, so they are not checked.",
    resolution: 'To check them too, run check where the project folder is (after amplify pull), or commit amplify/backend/amplify-meta.json.',
  },
  PROJECT_NOT_READ: {
    severity: 'info',
    title: 'A project above the app was not read',
    explanation:
      "A Gen1 project folder is above the app, but its project-config.json sends its client files to another folder (another app of the repository), so it is not this app's and was not read: what only a project says (guest access, groups, additional GraphQL modes) is assumed or left out.",
    resolution: "If it is this app's backend too, convert with --project and that folder.",
  },
  PROJECT_META_UNREADABLE: {
    severity: 'warning',
    title: "The project folder's amplify-meta.json could not be read",
    explanation:
      "The app's client file was converted alone: what only the project folder knows (guest access, additional GraphQL modes, groups) is assumed or left out.",
    resolution: 'Restore amplify-meta.json (amplify pull writes it) and make the project folder readable, then convert again.',
  },
  VALUE_NOT_CARRIED: {
    severity: 'warning',
    title: 'Value not carried',
    explanation: 'A mapping row matched this value but could not carry it. This should not happen; please report it.',
    resolution: 'Please report this with the file; meanwhile set the value in amplify_outputs.json by hand.',
  },
  NOT_IN_XCODE_TARGET: {
    severity: 'warning',
    title: 'amplify_outputs.json not in the Xcode target',
    explanation:
      'amplify-swift reads amplify_outputs.json from the app bundle, so the file must be a member of the app target (its Copy Bundle Resources). The Xcode project does not make it one of the targets amplifyconfiguration.json belongs to.',
    resolution: 'In Xcode, select amplify_outputs.json, File Inspector, Target Membership: tick the app target.',
  },
  // migrate: the library gate, apps on the AWS Mobile SDKs, and the Xcode project
  LIBRARY_CANNOT_READ_OUTPUTS: {
    severity: 'error',
    title: 'The Amplify library installed cannot read amplify_outputs.json',
    explanation:
      "The app's Amplify library is older than the first version that reads amplify_outputs.json. No source file was edited: the edits would make the app load a file its library cannot read, and it would not start. amplify_outputs.json is written all the same, ready for the upgrade.",
    resolution: 'Upgrade the Amplify library to the version named, then run migrate again to make the source edits.',
  },
  LIBRARY_VERSION_UNKNOWN: {
    severity: 'warning',
    title: 'Which Amplify library version the app runs is not known',
    explanation:
      "The app's files do not say which version of its Amplify library is installed (no lock file, a version computed when the build runs, or no Amplify library named at all), so whether it reads amplify_outputs.json is not known. The finding says whether source files were edited.",
    resolution: 'Check the version the app builds with, and upgrade it to at least the version named if it is older.',
  },
  LEGACY_AMPLIFY_PACKAGE: {
    severity: 'warning',
    title: 'A package of amplify-js v5 or older',
    explanation:
      'The app depends on a package that works only with amplify-js v5 or older and has no release for aws-amplify v6, the first major version that reads amplify_outputs.json.',
    resolution: 'Replace it as the finding says when upgrading to aws-amplify v6.',
  },
  MOBILE_SDK_APP: {
    severity: 'error',
    title: 'The app is built on the AWS Mobile SDK',
    explanation:
      'The app uses the AWS Mobile SDK (AWSMobileClient, the AppSync SDK, or awsconfiguration.json loaded in code), which reads the Gen1 configuration and has no Gen2 counterpart: nothing in it reads amplify_outputs.json. No source file was edited.',
    resolution: 'Move the app to the Amplify library of its platform (which reads amplify_outputs.json), then run migrate again.',
  },
  XCODE_OUTPUTS_ADDED: {
    severity: 'info',
    title: 'amplify_outputs.json added to the Xcode project',
    explanation:
      'amplify_outputs.json was added to the Xcode project beside amplifyconfiguration.json, and to the Copy Bundle Resources of every target that had the Gen1 file, so that amplify-swift finds it in the app bundle.',
  },
  // migrate: JavaScript and TypeScript modules that load the Gen1 configuration
  CONFIG_IMPORT_RETARGETED: {
    severity: 'info',
    title: 'A module now loads amplify_outputs.json',
    explanation:
      'The module loaded the Gen1 configuration that was converted (an import, a require, an import(), a re-export or a test mock path). It now loads amplify_outputs.json; the local name and the style of the path are kept.',
  },
  CONFIG_IMPORT_NOT_RETARGETED: {
    severity: 'warning',
    title: 'A load of a Gen1-named module was left alone',
    explanation:
      "The module loads a path named like a Gen1 configuration file (aws-exports, amplifyconfiguration.json) that does not lead to the Gen1 file that was converted: another app's file, a module written by hand under that name, or a path that resolves to nothing. It was not changed.",
    resolution:
      "Open the file at the position shown. If this load is the app's Gen1 configuration, point it at amplify_outputs.json by hand; if the module was written by hand, leave it or move its values into amplify_outputs.json.",
  },
  CONFIG_IMPORT_UNSUPPORTED: {
    severity: 'warning',
    title: 'A load of the Gen1 configuration that cannot be rewritten',
    explanation:
      'The module loads the converted Gen1 configuration in a way that amplify_outputs.json cannot take the place of: named imports or destructured keys (amplify_outputs.json has no aws_* keys, only a default export of another shape), a re-export of everything, or a reading of one key on the loaded module. It was not changed and still loads the Gen1 file.',
    resolution:
      'Load amplify_outputs.json as a default import (import outputs from the path in the message), read the values at their amplify_outputs.json paths (the message names them where it can), and remove this load.',
  },
  CONFIG_LOAD_IN_COMMENT: {
    severity: 'info',
    title: 'A load of the Gen1 configuration in a comment',
    explanation: 'A comment holds code that loads a Gen1 configuration file. Comments are never edited.',
    resolution: 'If the code is brought back, make it load amplify_outputs.json.',
  },
  CONFIG_NAME_IN_STRING: {
    severity: 'info',
    title: 'A Gen1 configuration file named in a string',
    explanation:
      'A string (not the path of an import or require) names a Gen1 configuration file: code that reads, writes or mentions it by name. Strings are never edited.',
    resolution: 'Check what the code does with the file; after the migration the app reads amplify_outputs.json.',
  },
  SOURCE_NOT_PARSED: {
    severity: 'warning',
    title: 'A source file that mentions the Gen1 configuration does not parse',
    explanation:
      'The file names a Gen1 configuration file, but it is not valid JavaScript or TypeScript (or uses syntax the parser does not know), so its loads of the configuration could not be found. It was not changed.',
    resolution: 'Fix the syntax error at the position shown and run again, or make the file load amplify_outputs.json by hand.',
  },
  // migrate: what JavaScript does with the configuration it loads (src/migrate/js/config-uses.ts)
  CONFIG_READ_REWRITTEN: {
    severity: 'info',
    title: 'A read of the configuration was moved to its Gen2 place',
    explanation:
      'The code read a Gen1 field of the configuration it imports. amplify_outputs.json holds the same value at another place, so the read now names that place.',
  },
  CONFIG_READ_CHANGES_FORM: {
    severity: 'warning',
    title: 'A field the code reads changes form in amplify_outputs.json',
    explanation:
      'The code reads a Gen1 field of the configuration it imports. amplify_outputs.json holds it at another place and in another form (a comma-joined string becomes a list, a mode is renamed, several fields are merged), so the read cannot simply move and is left as it was: it now reads undefined.',
    resolution: 'Change the read to the Gen2 place the message names, and the code that uses it to the new form the message describes.',
  },
  CONFIG_READ_NOT_CARRIED: {
    severity: 'warning',
    title: 'A field the code reads is not in amplify_outputs.json',
    explanation:
      'The code reads a field of the configuration it imports that amplify_outputs.json does not hold (the conversion reported or dropped it, or it was never a field of the Gen1 file). Once the import loads amplify_outputs.json, the read gives undefined.',
    resolution:
      'Give the code the value another way (a constant, an environment variable, or a custom output the Gen2 backend adds with backend.addOutput), or remove the read.',
  },
  CONFIG_READ_DYNAMIC: {
    severity: 'warning',
    title: 'Fields of the configuration read by a name known only when the code runs',
    explanation:
      'The code reads the configuration it imports with a key computed at run time (config[key]) or takes the fields it does not name (a rest element). Which Gen1 fields it reads cannot be told, so nothing was changed.',
    resolution:
      'Check which Gen1 fields this code reads and change it to read their places in amplify_outputs.json (the migrate documentation lists how each Gen1 field maps).',
  },
  CONFIGURE_OPTIONS_MOVED: {
    severity: 'info',
    title: 'Library options moved to the second argument of Amplify.configure',
    explanation:
      'Amplify.configure read `ssr` beside the Gen1 fields. amplify-js reads an object with a `version` as amplify_outputs.json and ignores its other keys, so the option now goes in the second argument, the library options.',
  },
  CONFIGURE_OVERRIDES_REWRITTEN: {
    severity: 'warning',
    title: 'Category settings given to Amplify.configure now take effect',
    explanation:
      "Amplify.configure was given the configuration with category settings beside it. amplify-js v6 reads an object with aws_ keys through parseAWSExports, which ignored those settings, so the app ran with the Gen1 file's values; beside amplify_outputs.json they would be ignored too. They are now given beside the parsed configuration (parseAmplifyConfig from aws-amplify/utils), as the amplify-js documentation shows, where they take effect: a category block replaces the parsed one whole (an Auth block without the identity pool or OAuth drops them).",
    resolution:
      'Check the settings: merge them into the parsed category (for example `Auth: { ...amplifyConfig.Auth, Cognito: { ...amplifyConfig.Auth?.Cognito, loginWith: { email: true } } }`), or remove them where the Gen1 values were right.',
  },
  CONFIGURE_OVERRIDE_NOT_REWRITTEN: {
    severity: 'warning',
    title: 'A setting given to Amplify.configure would be ignored',
    explanation:
      'Amplify.configure was given the configuration with a setting beside it that is neither a library option nor a category of the amplify-js v6 configuration (a Gen1 field, a v5 shape, or a spread after the settings). Beside amplify_outputs.json, amplify-js ignores it.',
    resolution:
      'Write the setting in the amplify-js v6 form: `const amplifyConfig = parseAmplifyConfig(outputs); Amplify.configure({ ...amplifyConfig, <Category>: { ...amplifyConfig.<Category>, ... } })` with parseAmplifyConfig from aws-amplify/utils, or set the value in amplify_outputs.json.',
  },
  REST_API_WIRED: {
    severity: 'info',
    title: 'REST APIs passed on to Amplify.configure',
    explanation:
      'amplify_outputs.json holds the REST APIs in custom.API, which Amplify.configure does not read by itself. The call now passes them on as the amplify-js documentation shows: `API: { ...amplifyConfig.API, REST: outputs.custom.API }`.',
  },
  PREDICTIONS_WIRED: {
    severity: 'info',
    title: 'Predictions passed on to Amplify.configure',
    explanation:
      'amplify_outputs.json holds the Predictions settings in custom.Predictions, which Amplify.configure does not read by itself. The call now passes them on: `Predictions: outputs.custom.Predictions`.',
  },
  CUSTOM_WIRING_NOT_ADDED: {
    severity: 'warning',
    title: 'REST APIs or Predictions not passed on to Amplify.configure',
    explanation:
      'amplify_outputs.json holds REST APIs (custom.API) or Predictions (custom.Predictions), which Amplify.configure does not read by itself, and this call could not be changed to pass them on (it already sets API or Predictions, or its argument is not the configuration itself).',
    resolution:
      'Pass them on by hand: `const amplifyConfig = parseAmplifyConfig(outputs); Amplify.configure({ ...amplifyConfig, API: { ...amplifyConfig.API, REST: outputs.custom.API }, Predictions: outputs.custom.Predictions })`, with parseAmplifyConfig from aws-amplify/utils.',
  },
  CATEGORY_CONFIGURE_CALL: {
    severity: 'warning',
    title: 'A category is configured as amplify-js v5 did',
    explanation:
      'The code gives the configuration to a category (Auth.configure, API.configure, Storage.configure, ...), as amplify-js v5 and older did. amplify-js v6 configures every category with one Amplify.configure call and does not read amplify_outputs.json there.',
    resolution:
      'Remove the call and configure Amplify once with Amplify.configure(outputs) (from aws-amplify), after upgrading to aws-amplify v6; category settings go beside the parsed configuration (parseAmplifyConfig from aws-amplify/utils).',
  },
  // migrate: the project files around the source (tsconfig.json, build steps, .gitignore)
  TSCONFIG_OPTION_ADDED: {
    severity: 'info',
    title: 'tsconfig option added for the JSON import',
    explanation:
      'A TypeScript file now imports amplify_outputs.json, and the tsconfig.json that governs it (with what it extends) lacked an option the import needs: resolveJsonModule, the interop a default import of JSON needs (esModuleInterop where tsc emits CommonJS, else allowSyntheticDefaultImports), or, in a composite project, the JSON file in its include. The option was added to that tsconfig.json, its comments and formatting kept.',
  },
  TSCONFIG_JSON_IMPORT_UNSUPPORTED: {
    severity: 'error',
    title: 'TypeScript cannot import JSON under these settings',
    explanation:
      'A TypeScript file now imports amplify_outputs.json, but its tsconfig.json has "module" set to none, system or umd, or "moduleResolution" in effect is classic (the default for an ES "module" without "moduleResolution"). TypeScript refuses resolveJsonModule there, so no option can be added to make the import compile.',
    resolution:
      'Set "moduleResolution" to "bundler" (with "module": "esnext") for an app built by a bundler, or "module" and "moduleResolution" to "nodenext" for Node.js, then add "resolveJsonModule": true, and run tsc --noEmit.',
  },
  JSON_IMPORT_ATTRIBUTE_NEEDED: {
    severity: 'warning',
    title: 'The JSON import needs with { type: "json" }',
    explanation:
      'The importing file is an ECMAScript module under "module": node16, node18, node20 or nodenext. Node.js loads a JSON module only with an import attribute, and TypeScript (from node18 on) refuses the import without it. No tsconfig option changes that.',
    resolution: "Add `with { type: 'json' }` after the specifier of the import of amplify_outputs.json.",
  },
  TSCONFIG_UNREADABLE: {
    severity: 'warning',
    title: 'A tsconfig.json does not parse',
    explanation: 'A tsconfig.json (or one it extends) is not valid JSON with comments, so the options in effect are not known and the file was not edited.',
    resolution: 'Fix the syntax at the place shown, then run the migration again (or add "resolveJsonModule": true to the compilerOptions by hand).',
  },
  TSCONFIG_BASE_NOT_READ: {
    severity: 'warning',
    title: 'A tsconfig base was not read',
    explanation:
      "A tsconfig.json extends a file that is not among the app's files (a package in node_modules that is not installed, or a file outside the app), so the options it sets were not seen: what the JSON import needs was judged on the rest.",
    resolution:
      'Install the dependencies (npm install) and run the migration again, or run tsc --noEmit and add "resolveJsonModule": true where it reports the import.',
  },
  BUILD_STEP_WRITES_GEN1: {
    severity: 'warning',
    title: 'A build step writes the Gen1 file',
    explanation:
      'A Dockerfile, a CI workflow (GitHub Actions, Amplify Hosting amplify.yml, CodeBuild buildspec.yml, GitLab CI, ...) or a package.json script writes, copies or decodes the Gen1 configuration file. The migrated app loads amplify_outputs.json instead, so this step no longer feeds it. It was not changed.',
    resolution:
      'Make the step write amplify_outputs.json at the place the app now loads it from (for example from a secret holding the converted file, or with npx ampx generate outputs), instead of the Gen1 file.',
  },
  GITIGNORE_OUTPUTS_NOT_IGNORED: {
    severity: 'warning',
    title: 'amplify_outputs.json is not ignored as the Gen1 file was',
    explanation:
      'A .gitignore keeps the Gen1 configuration file out of git, and nothing ignores amplify_outputs.json: the new file would be committed where the old one never was. The .gitignore was not changed.',
    resolution: 'Add the line the message names to that .gitignore to keep amplify_outputs.json out of git, or commit it on purpose.',
  },
  GITIGNORE_OUTPUTS_IGNORED: {
    severity: 'info',
    title: 'amplify_outputs.json is ignored as the Gen1 file was',
    explanation:
      'A .gitignore keeps the Gen1 configuration file out of git, and amplify_outputs.json is ignored too: a fresh checkout (a CI build) has neither, and the step that wrote the Gen1 file must now write amplify_outputs.json.',
  },
  GITIGNORE_OUTPUTS_NEWLY_IGNORED: {
    severity: 'warning',
    title: 'amplify_outputs.json is ignored, the Gen1 file was not',
    explanation:
      'The Gen1 configuration file is committed, and a .gitignore pattern (such as amplify_outputs* or *.json) ignores amplify_outputs.json: a fresh checkout (a CI build) would lack the file the app now loads. The .gitignore was not changed.',
    resolution: 'Add the line the message names (a negation, !path) to that .gitignore, and commit amplify_outputs.json.',
  },
  // migrate: Dart (Flutter), Swift, Kotlin and Java sources
  DART_IMPORT_RETARGETED: {
    severity: 'info',
    title: 'Dart import moved to amplify_outputs.dart',
    explanation:
      'The import of amplifyconfiguration.dart now imports amplify_outputs.dart (in the same style: relative or package:, with its prefix and show/hide), and the references to its constant amplifyconfig now name amplifyConfig, the constant Gen2 writes.',
  },
  DART_NAME_TAKEN: {
    severity: 'warning',
    title: 'amplifyConfig is already a name in this Dart file',
    explanation:
      'The file imports amplifyconfiguration.dart without a prefix and already declares or uses the name amplifyConfig (or declares a name amplifyconfig of its own), so renaming the constant could change what a name means. Nothing in the file was changed.',
    resolution:
      "Import amplify_outputs.dart yourself (with a prefix, e.g. `import 'amplify_outputs.dart' as outputs;`), pass `outputs.amplifyConfig` to Amplify.configure, and drop the import of amplifyconfiguration.dart.",
  },
  DART_GEN1_READ: {
    severity: 'warning',
    title: 'Dart code reads the Gen1 JSON',
    explanation:
      'The code decodes the configuration string (jsonDecode or json.decode) and reads Gen1 keys from it. amplify_outputs.dart holds the Gen2 layout, where those keys are not: the read gives null.',
    resolution: 'Read the value at its Gen2 path (the target of this finding) from jsonDecode(amplifyConfig), in the form it has there.',
  },
  DART_NOT_REWRITTEN: {
    severity: 'warning',
    title: 'Dart use of amplifyconfiguration.dart not rewritten',
    explanation:
      'The file uses amplifyconfiguration.dart in a way that is not rewritten: it exports it again (its importers would then need amplifyConfig), imports it as a package whose name is not known, or names it in a way that does not resolve to the converted file.',
    resolution:
      'Make the file use lib/amplify_outputs.dart and its constant amplifyConfig by hand (re-export it under the new name, or import amplify_outputs.dart where the constant is used).',
  },
  SWIFT_CONFIGURE_REWRITTEN: {
    severity: 'info',
    title: 'Swift Amplify.configure() now loads amplify_outputs.json',
    explanation:
      'Amplify.configure() read amplifyconfiguration.json from the app bundle; it is now Amplify.configure(with: .amplifyOutputs), which reads amplify_outputs.json from the main bundle.',
  },
  SWIFT_CONFIGURATION_FILE: {
    severity: 'warning',
    title: 'Swift configuration built by hand',
    explanation:
      'The code builds an AmplifyConfiguration itself (from a file of its choosing, often one per environment, or from values) and passes it to Amplify.configure. amplify-swift reads amplify_outputs.json only through Amplify.configure(with:), so this is not rewritten.',
    resolution:
      'Configure with the Gen2 file instead: `try Amplify.configure(with: .amplifyOutputs)` for amplify_outputs.json in the main bundle, `.resource(named: "amplify_outputs-dev")` for another resource name per environment, or `.data(try Data(contentsOf: url))` for a file elsewhere; convert each environment\'s Gen1 file to its own amplify_outputs file.',
  },
  ANDROID_CONFIGURE_REWRITTEN: {
    severity: 'info',
    title: 'Android Amplify.configure(context) now loads amplify_outputs.json',
    explanation:
      "Amplify.configure(context) read res/raw/amplifyconfiguration.json; it now passes the Gen2 file first: AmplifyOutputs(R.raw.amplify_outputs) in Kotlin, AmplifyOutputs.fromResource(R.raw.amplify_outputs) in Java, with the import of com.amplifyframework.core.configuration.AmplifyOutputs added. R is the R class the file already sees: the outputs file must be in that module's raw resources.",
  },
  ANDROID_CONFIGURATION_FILE: {
    severity: 'warning',
    title: 'Android configuration built by hand',
    explanation:
      'The code builds an AmplifyConfiguration itself (AmplifyConfiguration.fromConfigFile(...) or builder(...), often one per build type) or passes one to Amplify.configure. amplify-android reads amplify_outputs.json only through Amplify.configure(AmplifyOutputs, context), so this is not rewritten.',
    resolution:
      'Configure with the Gen2 file instead: Amplify.configure(AmplifyOutputs(R.raw.amplify_outputs), context) in Kotlin, or AmplifyOutputs.fromResource(R.raw.amplify_outputs) in Java; for one file per build type, convert each Gen1 file to its own raw resource (e.g. R.raw.amplify_outputs_dev) and pass that one.',
  },
  NATIVE_SOURCE_UNPARSED: {
    severity: 'warning',
    title: 'Source file not parsed',
    explanation:
      'The file does not parse with the grammar of its language (the position is the first place the parser could not read), so nothing in it was changed: edits are only made where the syntax is known.',
    resolution:
      'Make the edits by hand: Dart, import amplify_outputs.dart and use amplifyConfig; Swift, `try Amplify.configure(with: .amplifyOutputs)`; Kotlin, `Amplify.configure(AmplifyOutputs(R.raw.amplify_outputs), context)`; Java, `Amplify.configure(AmplifyOutputs.fromResource(R.raw.amplify_outputs), context)`.',
  },
  MOBILE_SDK_IN_CODE: {
    severity: 'warning',
    title: 'AWS Mobile SDK used in code',
    explanation:
      'The code uses the AWS Mobile SDK (AWSMobileClient, the AppSync SDK client, or awsconfiguration.json read directly). These SDKs read awsconfiguration.json and have no Gen2 counterpart that reads amplify_outputs.json, so nothing was changed.',
    resolution:
      'Move this code to the Amplify library of the platform (Auth, API, Storage categories), which reads amplify_outputs.json, or keep awsconfiguration.json for it until it is moved.',
  },
  // migrate: the app around the code
  OUTPUTS_OUTSIDE_CRA_SRC: {
    severity: 'error',
    title: 'Create React App cannot import amplify_outputs.json from outside src/',
    explanation:
      'The app is built with Create React App (react-scripts), which refuses imports of files outside src/ (its ModuleScopePlugin: the build fails with "falls outside of the project src/ directory"). amplify_outputs.json goes at the app\'s root, and the app\'s code now imports it from there.',
    resolution:
      'Move amplify_outputs.json into src/ and import it as ./amplify_outputs.json (npx ampx generate outputs --out-dir src writes it there later), or run migrate again once the app builds with Vite.',
  },
} as const satisfies Record<string, DiagnosticCodeInfo>;

export type DiagnosticCode = keyof typeof CODES;

/** The code table. Its type names the codes, not their words, so that rewording a message changes no public type. */
export const DIAGNOSTIC_CODES: Readonly<Record<DiagnosticCode, DiagnosticCodeInfo>> = CODES;
