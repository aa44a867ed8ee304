import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { WaiveDialog } from './WaiveDialog';
import { mockMandateApi } from '../../__testUtils__/fixtures';
import { renderMandate } from '../../__testUtils__/renderMandate';

describe('WaiveDialog', () => {
  it('needs a reason, and shows the error of a refused waiver', async () => {
    const onSubmit = jest
      .fn()
      .mockRejectedValue(new Error('expiry is more than 90 days ahead'));
    const onClose = jest.fn();
    await renderMandate(
      <WaiveDialog
        ruleId="ops.runbook"
        ruleTitle="Has a runbook"
        isOpen
        onClose={onClose}
        onSubmit={onSubmit}
      />,
      { api: mockMandateApi() },
    );
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Waive Has a runbook')).toBeInTheDocument();
    const submit = within(dialog).getByRole('button', { name: 'Waive rule' });
    expect(submit).toBeDisabled();

    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Reason/ }),
      'because',
    );
    expect(submit).toBeEnabled();
    await userEvent.click(submit);
    expect(
      await within(dialog).findByText('expiry is more than 90 days ahead'),
    ).toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();

    onSubmit.mockResolvedValue(undefined);
    await userEvent.click(submit);
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });
});
