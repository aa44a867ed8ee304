export interface Config {
  mandate?: {
    permissions?: {
      /**
       * The permission policy the backend installs: `mandate` (default; see
       * plugins/permission-backend-module-mandate-policy) or `allow-all` (the demo).
       */
      policy?: 'mandate' | 'allow-all';
    };
    demo?: {
      /**
       * Demo only: seed a quarter of made-up history on first start (while the history is
       * empty) so that the dashboard's trends show something. Never in production.
       */
      seedHistory?: boolean;
    };
  };
}
