import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DataRightsPanel, type DataRightsPanelProps } from '../../src/features/data-rights/components/DataRightsPanel.js';
import { strings } from '../../src/strings/index.js';

const PHONE = '+14155550100';
const text = strings.dataRights;

function renderPanel(overrides: Partial<DataRightsPanelProps> = {}) {
  const props: DataRightsPanelProps = {
    strings,
    phone: PHONE,
    suppressed: false,
    busy: null,
    message: null,
    onExport: vi.fn(),
    onErase: vi.fn(),
    onSetSuppression: vi.fn(),
    ...overrides,
  };
  render(<DataRightsPanel {...props} />);
  return props;
}

const button = (name: string) => screen.getByRole('button', { name });

describe('DataRightsPanel', () => {
  it('erases only once the number is typed exactly, and says so when it is not', async () => {
    const props = renderPanel();
    await userEvent.click(button(text.eraseButton));
    const confirmation = screen.getByRole('textbox', { name: text.typeToConfirm(PHONE) });

    await userEvent.type(confirmation, '+1415555010');
    await userEvent.click(button(text.confirmErase));
    expect(props.onErase).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe(text.typedMismatch);

    await userEvent.type(confirmation, '0');
    await userEvent.click(button(text.confirmErase));
    expect(props.onErase).toHaveBeenCalledWith(false);
  });

  it('erases and suppresses when the admin ticks suppression', async () => {
    const props = renderPanel();
    await userEvent.click(button(text.eraseButton));
    await userEvent.type(screen.getByRole('textbox', { name: text.typeToConfirm(PHONE) }), PHONE);
    await userEvent.click(screen.getByRole('checkbox', { name: text.suppressLabel }));
    await userEvent.click(button(text.confirmErase));

    expect(props.onErase).toHaveBeenCalledWith(true);
  });

  it('cancels without erasing and gives focus back to Erase', async () => {
    const props = renderPanel();
    await userEvent.click(button(text.eraseButton));
    await userEvent.click(button(strings.cancel));

    expect(props.onErase).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(button(text.eraseButton));
  });

  it('exports, and offers to resume a suppressed number', async () => {
    const props = renderPanel({ suppressed: true });
    await userEvent.click(button(text.exportButton));
    await userEvent.click(button(text.resumeButton));

    expect(props.onExport).toHaveBeenCalledOnce();
    expect(props.onSetSuppression).toHaveBeenCalledWith(false);
    expect(screen.getByText(text.suppressedNotice)).toBeTruthy();
  });

  it('offers to stop recording a number that is recorded, and nothing about it before it is known', () => {
    renderPanel({ suppressed: null });
    expect(screen.queryByRole('button', { name: text.suppressButton })).toBeNull();
  });

  it('holds every action while one runs, and shows its outcome', () => {
    renderPanel({ busy: 'erase', message: { tone: 'error', text: 'Only admins may call eraseCustomer.' } });

    expect((button(text.exportButton) as HTMLButtonElement).disabled).toBe(true);
    expect((button(text.erasing) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Only admins may call eraseCustomer.')).toBeTruthy();
  });
});
