export interface Config {
  mandate?: {
    permissions?: {
      /**
       * The permission policy the backend installs: `mandate` (default; see
       * plugins/permission-backend-module-mandate-policy) or `allow-all` (the demo).
       */
      policy?: 'mandate' | 'allow-all';
    };
  };
}
