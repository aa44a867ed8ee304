import fs from 'node:fs';
import path from 'node:path';

describe('openapi.yaml', () => {
  it('is the definition of the mandate-api entity in the demo catalog (dog food)', () => {
    const spec = fs.readFileSync(
      path.resolve(__dirname, 'openapi.yaml'),
      'utf8',
    );
    const catalogCopy = fs.readFileSync(
      path.resolve(__dirname, '../../../../catalog/apis/mandate-api.yaml'),
      'utf8',
    );
    // The catalog cannot point outside its folder, so it keeps a copy: keep them identical.
    expect(catalogCopy).toBe(spec);
  });
});
