export interface Config {
  mandate?: {
    scaffolder?: {
      /**
       * Demo only: the folder `mandate:publish:local` copies generated repositories into
       * (`<folder>/<name>/catalog-info.yaml`), for portals without a Git host. A relative path
       * resolves against the directory of the first `file` entry of `catalog.locations`
       * (the demo: `catalog/`); default `generated`.
       *
       * Setting it also lets the catalog accept registered `file` locations, which it refuses by
       * default, and then enforces: a registered file location must be a `catalog-info.yaml`
       * whose real path (after `..` and symbolic links) is inside this folder, otherwise the
       * registration (dry run or not) is refused with 400 before anything is stored or read;
       * and the catalog reads no file outside the folders of `catalog.locations` and those
       * `catalog-info.yaml` files. Leave it unset in production: app-config.production.yaml
       * sets it to `null`, which unsets the demo's value.
       */
      localPublishDirectory?: string;
    };
  };
}
