import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { normalizePhone } from '@interaction-history/model';
import { PhoneSearch, type PhoneSearchProps } from '../../src/features/customer/components/PhoneSearch.js';
import { strings } from '../../src/strings/index.js';

const CALLER = '+14155550100';
const OTHER = '+14155550199';

function renderSearch(overrides: Partial<PhoneSearchProps> = {}) {
  const props: PhoneSearchProps = {
    strings,
    normalize: (typed) => normalizePhone(typed),
    onFound: vi.fn(),
    searchedPhone: null,
    callerPhone: CALLER,
    onBackToCaller: vi.fn(),
    ...overrides,
  };
  render(<PhoneSearch {...props} />);
  return props;
}

const searchBox = () => screen.getByRole<HTMLInputElement>('textbox', { name: strings.searchLabel });
const findButton = () => screen.getByRole('button', { name: strings.searchButton });

describe('PhoneSearch', () => {
  it('is a search landmark named for what it finds', () => {
    renderSearch();

    const search = screen.getByRole('search', { name: strings.searchLabel });

    expect(within(search).getByRole('textbox', { name: strings.searchLabel })).toBeTruthy();
    expect(within(search).getByRole('button', { name: strings.searchButton })).toBeTruthy();
  });

  it('finds the customer by a number typed in national format', async () => {
    const user = userEvent.setup();
    const { onFound } = renderSearch();
    await user.type(searchBox(), '(415) 555-0100');

    await user.click(findButton());

    expect(onFound).toHaveBeenCalledTimes(1);
    expect(onFound).toHaveBeenCalledWith('+14155550100');
  });

  it('finds on Enter as well as with the button, and empties the field afterwards', async () => {
    const user = userEvent.setup();
    const { onFound } = renderSearch();

    await user.type(searchBox(), '415.555.0199{Enter}');

    expect(onFound).toHaveBeenCalledWith(OTHER);
    expect(searchBox().value).toBe('');
  });

  it('refuses what is not a phone number, says so beside the field and finds nothing', async () => {
    const user = userEvent.setup();
    const { onFound } = renderSearch();
    await user.type(searchBox(), '1-800-FLOWERS');

    await user.click(findButton());

    expect(onFound).not.toHaveBeenCalled();
    expect(searchBox().getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('textbox', { name: strings.searchLabel, description: strings.searchInvalid })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe(strings.searchInvalid);
    expect(searchBox().value).toBe('1-800-FLOWERS');
  });

  it('says so again when the same wrong number is searched again', async () => {
    const user = userEvent.setup();
    renderSearch();
    await user.type(searchBox(), '12');
    await user.click(findButton());
    const firstAlert = screen.getByRole('alert');

    await user.click(findButton());

    // A new alert element is what makes a screen reader read the unchanged message again.
    expect(screen.getByRole('alert')).not.toBe(firstAlert);
    expect(screen.getByRole('alert').textContent).toBe(strings.searchInvalid);
  });

  it('refuses an empty search', async () => {
    const user = userEvent.setup();
    const { onFound } = renderSearch();

    await user.click(findButton());

    expect(onFound).not.toHaveBeenCalled();
    expect(screen.getByText(strings.searchInvalid)).toBeTruthy();
  });

  it('drops the complaint as soon as the agent edits the number', async () => {
    const user = userEvent.setup();
    renderSearch();
    await user.type(searchBox(), 'abc');
    await user.click(findButton());
    expect(screen.getByText(strings.searchInvalid)).toBeTruthy();

    await user.type(searchBox(), '{Backspace}');

    expect(screen.queryByText(strings.searchInvalid)).toBeNull();
    expect(searchBox().getAttribute('aria-invalid')).toBeNull();
  });

  it('says nothing about another customer while the caller is shown', () => {
    renderSearch({ searchedPhone: null });

    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.queryByRole('button', { name: strings.backToCaller(CALLER) })).toBeNull();
  });

  it('explains that another customer than the caller is shown', () => {
    renderSearch({ searchedPhone: OTHER });

    expect(screen.getByRole('status').textContent).toContain(strings.showingSearched(OTHER));
  });

  it('goes back to the caller on request', async () => {
    const user = userEvent.setup();
    const { onBackToCaller, onFound } = renderSearch({ searchedPhone: OTHER });

    await user.click(within(screen.getByRole('status')).getByRole('button', { name: strings.backToCaller(CALLER) }));

    expect(onBackToCaller).toHaveBeenCalledTimes(1);
    expect(onFound).not.toHaveBeenCalled();
  });
});
