import { FileLocationGuardProcessor } from './FileLocationGuardProcessor';
import { FileLocationPolicy } from './FileLocationPolicy';

describe('FileLocationGuardProcessor', () => {
  const policy: FileLocationPolicy = {
    mayRegister: async () => false,
    mayRead: async target => target === '/srv/catalog/all.yaml',
  };
  const read = async (type: string, target: string) => {
    const emit = jest.fn();
    const handled = await new FileLocationGuardProcessor(policy).readLocation(
      { type, target },
      false,
      emit,
    );
    return { handled, emit };
  };

  it('runs before the built-in FileReaderProcessor (default priority 20)', () => {
    expect(new FileLocationGuardProcessor(policy).getPriority()).toBeLessThan(
      20,
    );
  });

  it('claims a file the policy refuses with an error, so that no other processor reads it', async () => {
    const { handled, emit } = await read('file', '/etc/passwd');
    expect(handled).toBe(true);
    expect(emit).toHaveBeenCalledTimes(1);
    expect(emit.mock.calls[0][0]).toMatchObject({
      type: 'error',
      location: { type: 'file', target: '/etc/passwd' },
      error: {
        name: 'InputError',
        message: expect.stringContaining(
          'Refusing to read file location /etc/passwd',
        ),
      },
    });
  });

  it('leaves allowed files and other location types to the other processors', async () => {
    for (const [type, target] of [
      ['file', '/srv/catalog/all.yaml'],
      ['url', 'https://example.com/etc/passwd'],
    ]) {
      const { handled, emit } = await read(type, target);
      expect(handled).toBe(false);
      expect(emit).not.toHaveBeenCalled();
    }
  });
});
