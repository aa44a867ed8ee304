import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { JsonObject } from '@backstage/types';

/** An action context plus what the action wrote with `ctx.output`. */
export type MockActionContext<TInput extends JsonObject> = ActionContext<
  TInput,
  any
> & {
  outputs: Record<string, unknown>;
};

/**
 * A minimal action context for unit tests. `createMockActionContext` from
 * @backstage/plugin-scaffolder-node-test-utils would do, but no release of it goes with the
 * installed plugin-scaffolder-node 1.x, and the repository keeps one Backstage release line.
 */
export function mockActionContext<TInput extends JsonObject>(options: {
  input: TInput;
  workspacePath: string;
  templateInfo?: ActionContext<TInput>['templateInfo'];
  isDryRun?: boolean;
}): MockActionContext<TInput> {
  const outputs: Record<string, unknown> = {};
  return {
    input: options.input,
    workspacePath: options.workspacePath,
    templateInfo: options.templateInfo,
    isDryRun: options.isDryRun,
    logger: mockServices.logger.mock(),
    task: { id: 'test-task' },
    outputs,
    output(name, value) {
      outputs[name as string] = value;
    },
    async checkpoint({ fn }) {
      return fn();
    },
    async createTemporaryDirectory() {
      return fs.promises.mkdtemp(path.join(os.tmpdir(), 'mandate-action-'));
    },
    async getInitiatorCredentials() {
      return mockCredentials.user();
    },
  };
}
