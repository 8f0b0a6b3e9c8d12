/**
 * The reasons transforms give when they drop a value on purpose. Kept in one place so that the documentation and
 * the no-silent-drop check know every one of them.
 */
export const DROP_REASONS = {
  sameClient: 'The Hosted UI uses the same app client as the user pool; Gen2 reads it from user_pool_client_id.',
  mobileHubApiDetails: 'Mobile Hub listed the API id, description and paths for its console; the endpoint carries what the client needs.',
  speechDefaults: 'amplify-js v6 reads only the voice of the speech generator defaults (as voiceId).',
  srpFlow: 'USER_SRP_AUTH is the flow Gen2 libraries use by default.',
  modeBlockRepeats: 'The per-mode AppSync block repeats the API settings (key, local database name, mock switch) of the default block.',
  endpointType: 'The endpoint type decides where the API goes (data for GraphQL, custom.API for REST); it is not a setting of its own.',
  deploymentOutput: 'A deployment output (an ARN, an id, a name) that no Amplify client reads.',
  serverAuthSettings: 'Server-side settings of an authorization mode (key expiry, user pool link); clients need only the mode.',
  deploymentMetadata: 'Deployment metadata of the Gen1 project (stack, roles, deployment bucket, app id); not client configuration.',
  iosUsernameSignIn: 'Username sign-in, which an iOS app reads from the absence of auth.username_attributes (amplify-swift cannot decode "username").',
  namedWithFirstOfGroup: 'Named, with its group, in the finding about the first field of the group (hosting, a third-party plugin).',
  disabledChannel: 'The channel is not enabled, so the Gen1 CLI leaves it out of client configuration.',
  switchedOff: 'The switch is off; amplify_outputs.json says so by leaving the value out of its list.',
} as const;

/** Reasons the engine itself gives. */
export const ENGINE_DROP_REASONS = {
  empty: 'An empty list or object carries no setting.',
} as const;
