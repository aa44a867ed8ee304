import { parseAllDocuments } from 'yaml';
import { runFixedRule } from '../../testUtils/runFixedRule';
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

describe('platform.approved-template fix', () => {
  const template = (edit: any) =>
    edit.metadata.annotations['mandate.dev/platform-template'];

  it('moves to the approved template of the same family, or the same name spelt differently', () => {
    const family = runFixedRule(
      approvedTemplateRule,
      withTemplate('jvm-8-tomcat'),
      orders,
      { config },
    );
    expect(template(family.edit)).toBe('jvm-21');
    expect(family.before.fix!.text).toContain(
      'jvm-21, the approved template for jvm, instead of jvm-8-tomcat',
    );
    expect(family.after.status).toBe('pass');
    expect(
      template(
        runFixedRule(approvedTemplateRule, withTemplate('Node-22'), orders, {
          config,
        }).edit,
      ),
    ).toBe('node-22');
  });

  it('is a decision between the approved templates and approving this one', () => {
    const fix = runRule(
      approvedTemplateRule,
      withTemplate('python-3.12'),
      orders,
      { config },
    ).fix!;
    expect(fix.decision).toBe(true);
    expect(parseAllDocuments(fix.snippet).map(d => d.toJS())).toEqual([
      {
        metadata: {
          annotations: { 'mandate.dev/platform-template': 'node-22' },
        },
      },
      {
        metadata: {
          annotations: { 'mandate.dev/platform-template': 'jvm-21' },
        },
      },
      { mandate: { platformTemplates: ['node-22', 'jvm-21', 'python-3.12'] } },
    ]);
    const unset = runRule(approvedTemplateRule, withTemplate(), orders, {
      config,
    }).fix!;
    expect(unset.text).toBe(
      'Decide which approved template component:default/orders runs on: node-22, jvm-21.',
    );
  });
});
