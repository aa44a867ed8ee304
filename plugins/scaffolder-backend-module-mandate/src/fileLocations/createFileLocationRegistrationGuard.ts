import express from 'express';
import { InputError } from '@backstage/errors';
import { CATALOG_INFO_FILE, FileLocationPolicy } from './FileLocationPolicy';

/**
 * Middleware for the catalog's own router, mounted ahead of it: refuses with 400, before the
 * catalog stores or reads anything, a `file` location that is not a catalog-info.yaml inside
 * the local publish directory (POST /locations, dry run or not, and PUT /locations/:id). The
 * catalog offers no registration hook, so this is where registrations can be refused up
 * front; FileLocationGuardProcessor still guards every read.
 */
export function createFileLocationRegistrationGuard(
  policy: FileLocationPolicy,
): express.Router {
  const guard: express.RequestHandler = (req, _res, next) => {
    const { type, target } = (req.body ?? {}) as {
      type?: unknown;
      target?: unknown;
    };
    if (type !== 'file') {
      next();
      return;
    }
    const refused = new InputError(
      `Refusing to register file location ${String(
        target,
      )}: only ${CATALOG_INFO_FILE} files inside the local publish directory (mandate.scaffolder.localPublishDirectory) may be registered`,
    );
    if (typeof target !== 'string') {
      next(refused);
      return;
    }
    policy
      .mayRegister(target)
      .then(allowed => next(allowed ? undefined : refused), next);
  };

  const router = express.Router();
  // The same parser the catalog uses; it leaves the parsed body for the catalog's router.
  router.post('/locations', express.json(), guard);
  router.put('/locations/:id', express.json(), guard);
  return router;
}
