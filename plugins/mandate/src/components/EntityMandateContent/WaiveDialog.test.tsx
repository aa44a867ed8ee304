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
        canApprove={false}
        onClose={onClose}
        onSubmit={onSubmit}
      />,
      { api: mockMandateApi() },
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText('Request a waiver of Has a runbook'),
    ).toBeInTheDocument();
    // Without the approve permission there is nothing to grant: only a request.
    expect(
      within(dialog).queryByRole('button', { name: 'Grant waiver' }),
    ).not.toBeInTheDocument();
    const submit = within(dialog).getByRole('button', {
      name: 'Request waiver',
    });
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
    expect(onSubmit).toHaveBeenLastCalledWith(
      expect.objectContaining({ reason: 'because', mode: 'request' }),
    );
  });

  it('lets an approver grant at once or file a request for someone else to approve', async () => {
    const onSubmit = jest.fn().mockResolvedValue(undefined);
    await renderMandate(
      <WaiveDialog
        ruleId="ops.runbook"
        isOpen
        canApprove
        onClose={jest.fn()}
        onSubmit={onSubmit}
      />,
      { api: mockMandateApi() },
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText('Grant a waiver of ops.runbook'),
    ).toBeInTheDocument();
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Reason/ }),
      'because',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Request approval' }),
    );
    await waitFor(() =>
      expect(onSubmit).toHaveBeenLastCalledWith(
        expect.objectContaining({ mode: 'request' }),
      ),
    );
    // A submitted dialog starts afresh.
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Reason/ }),
      'because',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Grant waiver' }),
    );
    await waitFor(() =>
      expect(onSubmit).toHaveBeenLastCalledWith(
        expect.objectContaining({ mode: 'grant' }),
      ),
    );
  });
});
