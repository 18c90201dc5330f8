import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CustomerExport, EraseResponse } from '@interaction-history/model';
import { functionUrlOf } from '../../src/config/pluginConfig.js';
import { createDataRightsClient, type DataRightsClient } from '../../src/data/dataRightsClient.js';
import { DataRightsWithClient } from '../../src/features/data-rights/DataRights.js';
import type { SaveFile } from '../../src/features/data-rights/useDataRights.js';
import { strings } from '../../src/strings/index.js';

const PHONE = '+14155550100';
const text = strings.dataRights;
const counts = { profile: 1, interactions: 3, stats: 1, countingMarkers: 3, captureFailures: 1, taskCaptures: 3, otherDocuments: 0, auditEntriesRedacted: 2 };

describe('where the admin functions are', () => {
  it('beside the minting function by default, or under functionsUrl', () => {
    const mintTokenUrl = 'https://us-central1-acme.cloudfunctions.net/mintFirebaseToken';
    expect(functionUrlOf({ mintTokenUrl }, 'eraseCustomer')).toBe('https://us-central1-acme.cloudfunctions.net/eraseCustomer');
    expect(functionUrlOf({ mintTokenUrl, functionsUrl: 'https://functions.example.com/base/' }, 'exportCustomer')).toBe(
      'https://functions.example.com/base/exportCustomer',
    );
  });
});

describe('the data-rights client', () => {
  const answer = (status: number, body: unknown) => vi.fn<typeof fetch>().mockResolvedValue(new Response(JSON.stringify(body), { status }));

  it("sends the admin's ID token and the request, and decodes the answer", async () => {
    const erased: EraseResponse = { phone: PHONE, dryRun: false, suppressed: true, counts };
    const fetchImpl = answer(200, erased);
    const client = createDataRightsClient((name) => `https://f.example/${name}`, () => Promise.resolve('id-token'), fetchImpl);

    await expect(client.erase({ phone: PHONE, suppress: true })).resolves.toEqual(erased);

    const [url, init] = fetchImpl.mock.calls[0] ?? [];
    expect(url).toBe('https://f.example/eraseCustomer');
    expect(init?.headers).toMatchObject({ Authorization: 'Bearer id-token' });
    expect(typeof init?.body === 'string' ? JSON.parse(init.body) : null).toEqual({ phone: PHONE, suppress: true });
  });

  it("rejects with the function's own words when refused, or with the status when it said nothing usable", async () => {
    const refused = createDataRightsClient(() => 'https://f.example/x', () => Promise.resolve('t'), answer(403, { error: { code: 'forbidden', message: 'Only admins may call eraseCustomer.' } }));
    await expect(refused.erase({ phone: PHONE })).rejects.toThrow('Only admins may call eraseCustomer.');
    const garbled = createDataRightsClient(() => 'https://f.example/x', () => Promise.resolve('t'), answer(200, { unexpected: true }));
    await expect(garbled.suppression({ phone: PHONE })).rejects.toThrow(text.unreadableAnswer);
  });
});

function Harness({ client, save }: { client: DataRightsClient; save: SaveFile }) {
  return <DataRightsWithClient client={client} phone={PHONE} strings={strings} save={save} />;
}

describe('useDataRights', () => {
  const exported: CustomerExport = {
    phone: PHONE,
    exportedAt: '2026-12-06T00:00:00.000Z',
    recordingSuppressed: false,
    profile: { path: `customers/${PHONE}`, data: { firstName: 'Ada' } },
    stats: null,
    interactions: [{ path: `customers/${PHONE}/interactions/WT1`, data: {} }],
    countingMarkers: [],
    captureFailures: [],
    taskCaptures: [],
    otherDocuments: [],
    auditEntries: [],
  };

  function client(overrides: Partial<DataRightsClient> = {}): DataRightsClient {
    return {
      erase: vi.fn().mockResolvedValue({ phone: PHONE, dryRun: false, suppressed: true, counts }),
      exportData: vi.fn().mockResolvedValue(exported),
      suppression: vi.fn(({ suppressed }: { suppressed?: boolean }) => Promise.resolve({ phone: PHONE, suppressed: suppressed ?? false, changed: suppressed !== undefined })),
      ...overrides,
    };
  }

  it('asks whether the number is suppressed, and offers to stop recording it', async () => {
    render(<Harness client={client()} save={vi.fn()} />);
    await screen.findByRole('button', { name: text.suppressButton });
  });

  it('hands the export over as a JSON file named for the number, and says how many records it holds', async () => {
    const save = vi.fn<SaveFile>();
    render(<Harness client={client()} save={save} />);

    await userEvent.click(screen.getByRole('button', { name: text.exportButton }));

    await screen.findByText(text.exported(2));
    expect(save).toHaveBeenCalledWith('customer-14155550100.json', JSON.stringify(exported, null, 2));
  });

  it('erases and suppresses, then shows the number as suppressed with Resume', async () => {
    const erase = vi.fn<DataRightsClient['erase']>().mockResolvedValue({ phone: PHONE, dryRun: false, suppressed: true, counts });
    render(<Harness client={client({ erase })} save={vi.fn()} />);
    await screen.findByRole('button', { name: text.suppressButton });
    await userEvent.click(screen.getByRole('button', { name: text.eraseButton }));
    await userEvent.type(screen.getByRole('textbox', { name: text.typeToConfirm(PHONE) }), PHONE);
    await userEvent.click(screen.getByRole('checkbox', { name: text.suppressLabel }));
    await userEvent.click(screen.getByRole('button', { name: text.confirmErase }));

    await screen.findByText(text.erased(12, true));
    expect(erase).toHaveBeenCalledWith({ phone: PHONE, suppress: true });
    expect(screen.getByRole('button', { name: text.resumeButton })).toBeTruthy();
  });

  it('shows a refusal in words and lets the admin try again', async () => {
    const rights = client({ exportData: vi.fn().mockRejectedValue(new Error('Only admins may call exportCustomer.')) });
    render(<Harness client={rights} save={vi.fn()} />);

    await userEvent.click(screen.getByRole('button', { name: text.exportButton }));

    await screen.findByText('Only admins may call exportCustomer.');
    await act(() => Promise.resolve());
    expect(screen.getByRole<HTMLButtonElement>('button', { name: text.exportButton }).disabled).toBe(false);
  });
});
