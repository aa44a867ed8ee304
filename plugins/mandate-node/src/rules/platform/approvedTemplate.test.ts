import { service } from '../../testUtils/entities';
import { runRule } from '../../testUtils/runRule';
import { approvedTemplateRule } from './approvedTemplate';

const orders = 'component:default/orders';
const withTemplate = (value?: string) => [
  service(
    'orders',
    {},
    value === undefined ? {} : { 'mandate.dev/platform-template': value },
  ),
];
const config = { platformTemplates: ['node-22', 'jvm-21'] };

describe('platform.approved-template', () => {
  it('is not applicable when no templates are configured', () => {
    expect(
      runRule(approvedTemplateRule, withTemplate('anything'), orders).status,
    ).toBe('not-applicable');
  });

  it('passes for an approved template', () => {
    expect(
      runRule(approvedTemplateRule, withTemplate('jvm-21'), orders, { config })
        .status,
    ).toBe('pass');
  });

  it('fails for another template or none', () => {
    expect(
      runRule(approvedTemplateRule, withTemplate('centos-6'), orders, {
        config,
      }).status,
    ).toBe('fail');
    expect(
      runRule(approvedTemplateRule, withTemplate(), orders, { config }).status,
    ).toBe('fail');
    expect(
      runRule(approvedTemplateRule, withTemplate('node-22'), orders, {
        config: { platformTemplates: [] },
      }).status,
    ).toBe('fail');
  });
});
