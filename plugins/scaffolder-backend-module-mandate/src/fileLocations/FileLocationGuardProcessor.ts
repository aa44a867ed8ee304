import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import { FileLocationPolicy } from './FileLocationPolicy';

/**
 * Runs before the catalog's own FileReaderProcessor (priority 20) and claims every `file`
 * location the policy does not allow, so that the file is never opened: the built-in reader
 * would otherwise parse it as YAML and quote its lines in the processing errors, which dry runs
 * return and entity errors show. Covers registered locations and `Location` entities alike,
 * including ones stored before the policy existed.
 */
export class FileLocationGuardProcessor implements CatalogProcessor {
  constructor(private readonly policy: FileLocationPolicy) {}

  getProcessorName(): string {
    return 'MandateFileLocationGuardProcessor';
  }

  getPriority(): number {
    return 10;
  }

  async readLocation(
    location: LocationSpec,
    _optional: boolean,
    emit: CatalogProcessorEmit,
  ): Promise<boolean> {
    if (location.type !== 'file') return false;
    if (await this.policy.mayRead(location.target)) return false;
    emit(
      processingResult.inputError(
        location,
        `Refusing to read file location ${location.target}: the catalog reads only the files of catalog.locations and catalog-info.yaml files in the local publish directory (mandate.scaffolder.localPublishDirectory)`,
      ),
    );
    return true;
  }
}
