import { useState } from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { COMMENT_MAX_CHARACTERS } from '@interaction-history/model';
import { OutcomeForm, type OutcomeFormProps } from '../../src/features/outcome/components/OutcomeForm.js';
import { strings } from '../../src/strings/index.js';

const REASON_CODES = ['Question answered', 'Billing', 'Complaint'] as const;

function renderForm(overrides: Partial<OutcomeFormProps> = {}) {
  const props: OutcomeFormProps = { ...baseProps(), ...overrides };
  render(<OutcomeForm {...props} />);
  return props;
}

function baseProps(): OutcomeFormProps {
  return {
    strings,
    reasonCodes: REASON_CODES,
    outcome: null,
    comment: '',
    onOutcomeChange: vi.fn(),
    onCommentChange: vi.fn(),
    onCommentCommit: vi.fn(),
    saveFailed: false,
    onRetrySave: vi.fn(),
  };
}
const liveCounter = () => screen.getByRole('status');

/** Holds the comment the way the History tab does, so refused keystrokes really are refused. */
function ControlledOutcomeForm({ initialComment, onCommentChange }: { initialComment: string; onCommentChange: (comment: string) => void }) {
  const [comment, setComment] = useState(initialComment);
  return (
    <OutcomeForm
      strings={strings}
      reasonCodes={REASON_CODES}
      outcome={null}
      comment={comment}
      saveFailed={false}
      onRetrySave={() => undefined}
      onOutcomeChange={() => undefined}
      onCommentChange={(next) => {
        onCommentChange(next);
        setComment(next);
      }}
      onCommentCommit={() => undefined}
    />
  );
}

const reasonSelect = () => screen.getByRole('combobox', { name: strings.reasonCode });
const commentBox = () => screen.getByRole<HTMLTextAreaElement>('textbox', { name: strings.comment });
const counterText = () => {
  const counterId = commentBox().getAttribute('aria-describedby');
  expect(counterId).toBeTruthy();
  return document.getElementById(counterId ?? '')?.textContent;
};

describe('OutcomeForm', () => {
  it('lists a placeholder followed by every configured reason code, in order', () => {
    renderForm();

    const options = within(reasonSelect()).getAllByRole('option');

    expect(options.map((option) => option.textContent)).toEqual([strings.chooseReason, ...REASON_CODES]);
    expect(screen.getByRole('option', { name: strings.chooseReason, selected: true })).toBeTruthy();
  });

  it('marks the reason code as required', () => {
    renderForm();

    expect(reasonSelect().getAttribute('aria-required')).toBe('true');
  });

  it('reports the reason code the agent chooses', async () => {
    const user = userEvent.setup();
    const { onOutcomeChange } = renderForm();

    await user.selectOptions(reasonSelect(), 'Billing');

    expect(onOutcomeChange).toHaveBeenCalledTimes(1);
    expect(onOutcomeChange).toHaveBeenCalledWith('Billing');
  });

  it('reports no reason code when the agent goes back to the placeholder', async () => {
    const user = userEvent.setup();
    const { onOutcomeChange } = renderForm({ outcome: 'Complaint' });

    await user.selectOptions(reasonSelect(), screen.getByRole('option', { name: strings.chooseReason }));

    expect(onOutcomeChange).toHaveBeenCalledTimes(1);
    expect(onOutcomeChange).toHaveBeenCalledWith(null);
  });

  it('shows the chosen reason code as selected', () => {
    renderForm({ outcome: 'Complaint' });

    expect((reasonSelect() as HTMLSelectElement).value).toBe('Complaint');
    expect(screen.getByRole('option', { name: 'Complaint', selected: true })).toBeTruthy();
  });

  it('keeps showing a reason code saved on the task that is no longer configured', () => {
    renderForm({ outcome: 'Retired code' });

    expect((reasonSelect() as HTMLSelectElement).value).toBe('Retired code');
    expect(screen.getByRole('option', { name: 'Retired code', selected: true })).toBeTruthy();
  });

  it('counts the comment in characters a person sees, an emoji family being one', () => {
    renderForm({ comment: 'Hi 👨‍👩‍👧‍👦' });

    expect(counterText()).toBe(strings.commentCounter(4, COMMENT_MAX_CHARACTERS));
  });

  it('announces the counter with the comment field', () => {
    renderForm({ comment: 'abc' });

    expect(
      screen.getByRole('textbox', { name: strings.comment, description: strings.commentCounter(3, COMMENT_MAX_CHARACTERS) }),
    ).toBeTruthy();
  });

  it('passes each keystroke of the comment on', async () => {
    const user = userEvent.setup();
    const onCommentChange = vi.fn();
    render(<ControlledOutcomeForm initialComment="" onCommentChange={onCommentChange} />);

    await user.type(commentBox(), 'Paid');

    expect(onCommentChange).toHaveBeenLastCalledWith('Paid');
    expect(commentBox().value).toBe('Paid');
    expect(counterText()).toBe(strings.commentCounter(4, COMMENT_MAX_CHARACTERS));
  });

  it('accepts typing up to the limit and refuses the rest', async () => {
    const user = userEvent.setup();
    const onCommentChange = vi.fn();
    const start = 'a'.repeat(COMMENT_MAX_CHARACTERS - 2);
    render(<ControlledOutcomeForm initialComment={start} onCommentChange={onCommentChange} />);

    await user.type(commentBox(), 'bcd');

    expect(commentBox().value).toBe(`${start}bc`);
    expect(onCommentChange).toHaveBeenCalledTimes(2);
    expect(onCommentChange).toHaveBeenLastCalledWith(`${start}bc`);
    expect(counterText()).toBe(strings.commentCounter(COMMENT_MAX_CHARACTERS, COMMENT_MAX_CHARACTERS));
  });

  it('refuses any typing into a comment already at the limit, counting emoji as one character each', async () => {
    const user = userEvent.setup();
    const onCommentChange = vi.fn();
    const atLimit = '😀'.repeat(COMMENT_MAX_CHARACTERS);
    render(<ControlledOutcomeForm initialComment={atLimit} onCommentChange={onCommentChange} />);
    expect(counterText()).toBe(strings.commentCounter(COMMENT_MAX_CHARACTERS, COMMENT_MAX_CHARACTERS));

    await user.type(commentBox(), 'x');

    expect(onCommentChange).not.toHaveBeenCalled();
    expect(commentBox().value).toBe(atLimit);
    expect(counterText()).toBe(strings.commentCounter(COMMENT_MAX_CHARACTERS, COMMENT_MAX_CHARACTERS));
    expect(screen.getByText(strings.commentPasteCut(COMMENT_MAX_CHARACTERS))).toBeTruthy();
  });

  it('cuts a paste that would pass the limit to fit, keeping whole emoji, and says so', async () => {
    const user = userEvent.setup();
    const onCommentChange = vi.fn();
    const start = 'a'.repeat(COMMENT_MAX_CHARACTERS - 2);
    render(<ControlledOutcomeForm initialComment={start} onCommentChange={onCommentChange} />);

    commentBox().focus();
    commentBox().setSelectionRange(start.length, start.length);
    await user.paste('👩‍👩‍👧😀xyz');

    expect(onCommentChange).toHaveBeenCalledTimes(1);
    expect(commentBox().value).toBe(`${start}👩‍👩‍👧😀`);
    expect(screen.getByText(strings.commentPasteCut(COMMENT_MAX_CHARACTERS))).toBeTruthy();
  });

  it('cuts a paste into the middle of a comment near the limit, keeping the text after it, with the caret after the kept part', async () => {
    const user = userEvent.setup();
    const onCommentChange = vi.fn();
    const head = 'a'.repeat(COMMENT_MAX_CHARACTERS - 10);
    const tail = 'zzzzzzzz';
    render(<ControlledOutcomeForm initialComment={head + tail} onCommentChange={onCommentChange} />);

    commentBox().focus();
    commentBox().setSelectionRange(head.length, head.length);
    await user.paste('1234567890');

    expect(commentBox().value).toBe(`${head}12${tail}`);
    expect(commentBox().selectionStart).toBe(head.length + 2);
    expect(screen.getByText(strings.commentPasteCut(COMMENT_MAX_CHARACTERS))).toBeTruthy();
  });

  it('reads the counter out only near the limit', () => {
    const { rerender } = render(<OutcomeForm {...baseProps()} comment={'a'.repeat(10)} />);
    expect(liveCounter().textContent).toBe('');

    rerender(<OutcomeForm {...baseProps()} comment={'a'.repeat(COMMENT_MAX_CHARACTERS - 40)} />);
    expect(liveCounter().textContent).toBe(strings.commentNearLimit(40));
  });

  it('takes the agent to the reason code and says why when completion was refused', () => {
    const { rerender } = render(<OutcomeForm {...baseProps()} />);
    expect(reasonSelect().getAttribute('aria-invalid')).toBeNull();

    rerender(<OutcomeForm {...baseProps()} outcomeRequested />);

    expect(document.activeElement).toBe(reasonSelect());
    expect(reasonSelect().getAttribute('aria-invalid')).toBe('true');
    expect(reasonSelect().getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(reasonSelect().getAttribute('aria-describedby') ?? '')?.textContent).toBe(strings.outcomeRequiredInline);
  });

  it('still lets the agent delete from a comment at the limit', async () => {
    const user = userEvent.setup();
    const onCommentChange = vi.fn();
    const atLimit = 'a'.repeat(COMMENT_MAX_CHARACTERS);
    render(<ControlledOutcomeForm initialComment={atLimit} onCommentChange={onCommentChange} />);

    await user.type(commentBox(), '{Backspace}');

    expect(onCommentChange).toHaveBeenCalledWith('a'.repeat(COMMENT_MAX_CHARACTERS - 1));
    expect(counterText()).toBe(strings.commentCounter(COMMENT_MAX_CHARACTERS - 1, COMMENT_MAX_CHARACTERS));
  });

  it('asks for the comment to be saved when the field loses focus', async () => {
    const user = userEvent.setup();
    const { onCommentCommit } = renderForm({ comment: 'Called back' });
    await user.click(commentBox());
    expect(onCommentCommit).not.toHaveBeenCalled();

    await user.tab();

    expect(onCommentCommit).toHaveBeenCalledTimes(1);
  });

  it('says so in an alert when the outcome could not be saved, without blaming the reason code alone, and offers to try again', async () => {
    const { onRetrySave } = renderForm({ saveFailed: true });

    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(strings.outcomeSaveFailedInline);
    expect(alert.textContent).not.toMatch(/reason/i);
    await userEvent.click(within(alert).getByRole('button', { name: strings.retry }));
    expect(onRetrySave).toHaveBeenCalledTimes(1);
  });

  it('shows no alert while saving works', () => {
    renderForm({ saveFailed: false });

    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('OutcomeForm on a queue that does not require a reason code', () => {
  it('says the reason code is optional and does not mark it required', () => {
    renderForm({ reasonRequired: false });
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: strings.reasonCodeOptional });
    expect(select.required).toBe(false);
    expect(select.getAttribute('aria-required')).toBe('false');
  });

  it('keeps showing a code the task holds after an admin retired it', () => {
    renderForm({ reasonCodes: ['Billing'], outcome: 'Old code' });
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: strings.reasonCode });
    expect(select.value).toBe('Old code');
    expect(within(select).getAllByRole('option').map((option) => option.textContent)).toEqual([strings.chooseReason, 'Billing', 'Old code']);
  });
});
