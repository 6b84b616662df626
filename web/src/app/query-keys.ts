/** Query keys in one place, so invalidation across tabs and features stays consistent. */
export const ME_KEY = ['me'] as const;
export const AUTH_CONFIG_KEY = ['auth-config'] as const;
export const TOKENS_KEY = ['tokens'] as const;
export const INVITES_KEY = ['invites'] as const;
