export interface Config {
  mandate?: {
    permissions?: {
      /**
       * The group whose members may do anything in the portal, e.g.
       * `group:default/platform-team`: any waiver, full evaluations, and every create, update and
       * delete permission. Read from the user's ownership refs (membership in the catalog).
       * Without it nobody is an admin.
       */
      adminGroup?: string;
    };
  };
}
