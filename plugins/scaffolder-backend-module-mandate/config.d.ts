export interface Config {
  mandate?: {
    scaffolder?: {
      /**
       * Demo only: the folder `mandate:publish:local` copies generated repositories into
       * (`<folder>/<name>/catalog-info.yaml`), for portals without a Git host. A relative path
       * resolves against the directory of the first `file` entry of `catalog.locations`
       * (the demo: `catalog/`); default `generated`. Setting it also lets the catalog accept
       * registered `file` locations, which it refuses by default.
       */
      localPublishDirectory?: string;
    };
  };
}
