using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Domain;
using Mikoshi.Domain.Audit;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Ledger;

namespace Mikoshi.Data;

/// <summary>One thing the verifier found wrong, and where.</summary>
/// <param name="Where">The chain and link, entry or account concerned.</param>
/// <param name="What">What disagrees.</param>
public sealed record Finding(string Where, string What);

/// <summary>What a verification looked at and what it found.</summary>
public sealed record VerifyReport(long AuditLinks, long JournalEntries, long Balances, IReadOnlyList<Finding> Findings)
{
    public bool IsClean => Findings.Count == 0;
}

/// <summary>
/// Re-derives everything that can be derived and compares: every audit chain link by link, every
/// journal entry against the audit link that recorded it, every cached balance against the sum of
/// its postings. Any one-byte edit made directly in the database shows up as a finding.
/// </summary>
public sealed class Verifier(MikoshiDb db)
{
    public async Task<VerifyReport> VerifyAsync(IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var findings = new List<Finding>();
        long links = 0, entries = 0, balances = 0;
        var chains = await db.AuditLog.AsNoTracking().Select(a => a.Chain).Distinct().ToListAsync(cancellationToken);
        foreach (var community in await db.Communities.AsNoTracking().Select(c => c.Id.Value).ToListAsync(cancellationToken))
        {
            if (!chains.Contains(community))
            {
                findings.Add(new Finding($"community {community:N}", "has no audit chain"));
            }
        }

        foreach (var chain in chains.Order())
        {
            progress?.Report($"chain {chain:N}");
            var records = new Dictionary<long, AuditRecord>();
            var rows = db.AuditLog.AsNoTracking().Where(a => a.Chain == chain).OrderBy(a => a.Sequence).AsAsyncEnumerable();
            var ordered = new List<AuditRecord>();
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                var record = WriteScope.ToRecord(row);
                ordered.Add(record);
                records[record.Sequence] = record;
            }

            links += ordered.Count;
            var broken = AuditChain.Verify(ordered, chain);
            if (broken is not null)
            {
                findings.Add(new Finding($"chain {chain:N} link {broken.Sequence}", broken.Reason));
            }

            if (chain == Guid.Empty)
            {
                continue;
            }

            var (entryCount, balanceCount) = await VerifyLedgerAsync(new CommunityId(chain), records, findings, cancellationToken);
            await VerifyHoldersAsync(new CommunityId(chain), findings, cancellationToken);
            await VerifyTreasuryPoolsAsync(new CommunityId(chain), findings, cancellationToken);
            entries += entryCount;
            balances += balanceCount;
        }

        return new VerifyReport(links, entries, balances, findings);
    }

    /// <summary>
    /// The supply counter equals the tokens in circulation; and for each asset, the holder pool holds
    /// exactly what the tokens in circulation are owed (scaled, from the accumulator and each token's
    /// mark) plus the accumulator's carried remainder: nothing lost, nothing created.
    /// </summary>
    private async Task VerifyHoldersAsync(CommunityId community, List<Finding> findings, CancellationToken cancellationToken)
    {
        var live = await db.Tokens.AsNoTracking().Where(t => t.CommunityId == community && t.BurnedAtUnixMs == null).Select(t => t.Serial).ToListAsync(cancellationToken);
        var supply = await db.Communities.AsNoTracking().Where(c => c.Id == community).Select(c => c.Supply).FirstOrDefaultAsync(cancellationToken);
        if (supply != live.Count)
        {
            findings.Add(new Finding($"community {community.Value:N}", $"counts {supply} tokens in circulation; there are {live.Count}"));
        }

        var pool = Domain.Ledger.AccountId.HolderPool.ToString();
        var held = await db.Balances.AsNoTracking().Where(b => b.CommunityId == community && b.Account == pool).ToListAsync(cancellationToken);
        var pools = await db.HolderPools.AsNoTracking().Where(p => p.CommunityId == community).ToListAsync(cancellationToken);
        foreach (var asset in held.Select(b => b.Asset).Union(pools.Select(p => p.Asset)).Order(StringComparer.Ordinal))
        {
            var balance = held.FirstOrDefault(b => b.Asset == asset)?.Units ?? Int128.Zero;
            var row = pools.FirstOrDefault(p => p.Asset == asset);
            var perToken = System.Numerics.BigInteger.Parse(row?.PerTokenScaled ?? "0", CultureInfo.InvariantCulture);
            var owed = System.Numerics.BigInteger.Parse(row?.CarryScaled ?? "0", CultureInfo.InvariantCulture);
            var marks = await db.TokenAccruals.AsNoTracking().Where(a => a.CommunityId == community && a.Asset == asset)
                .ToDictionaryAsync(a => a.Serial, a => System.Numerics.BigInteger.Parse(a.PaidScaled, CultureInfo.InvariantCulture), cancellationToken);
            foreach (var serial in live)
            {
                owed += perToken - marks.GetValueOrDefault(serial);
            }

            if (owed != (System.Numerics.BigInteger)balance * Domain.Revenue.HolderAccumulator.Scale)
            {
                findings.Add(new Finding($"holder-pool {asset}", $"holds {balance} but its tokens and carried remainder come to {owed} / 2^128"));
            }
        }
    }

    /// <summary>
    /// Each treasury pool agrees with the tokens and the ledger: its units are the sum of the units of the tokens
    /// in circulation (each token's held units plus the issuance since its mark), its unowned part is within the
    /// treasury's balance, and a pool that no token holds units of is unowned entirely. Every treasury asset
    /// with a balance has its pool.
    /// </summary>
    private async Task VerifyTreasuryPoolsAsync(CommunityId community, List<Finding> findings, CancellationToken cancellationToken)
    {
        var treasury = AccountId.Treasury.ToString();
        var balances = await db.Balances.AsNoTracking().Where(b => b.CommunityId == community && b.Account == treasury)
            .ToDictionaryAsync(b => b.Asset, b => b.Units, cancellationToken);
        var pools = await db.TreasuryPools.AsNoTracking().Where(p => p.CommunityId == community).ToListAsync(cancellationToken);
        foreach (var asset in balances.Where(b => b.Value > Int128.Zero).Select(b => b.Key).Except(pools.Select(p => p.Asset)).Order(StringComparer.Ordinal))
        {
            findings.Add(new Finding($"treasury-pool {asset}", $"the treasury holds {balances[asset]} {asset} but has no pool for it"));
        }

        var live = await db.Tokens.AsNoTracking().Where(t => t.CommunityId == community && t.BurnedAtUnixMs == null).Select(t => t.Serial).ToListAsync(cancellationToken);
        foreach (var row in pools.OrderBy(p => p.Asset, StringComparer.Ordinal))
        {
            var where = $"treasury-pool {row.Asset}";
            if (row.Units < Int128.Zero || row.IssuedPerToken < Int128.Zero || row.Unowned < Int128.Zero)
            {
                findings.Add(new Finding(where, "holds a negative figure"));
                continue;
            }

            var balance = balances.GetValueOrDefault(row.Asset);
            if (row.Unowned > balance)
            {
                findings.Add(new Finding(where, $"counts {row.Unowned} unowned but the treasury holds {balance}"));
            }

            if (row.Units == Int128.Zero && row.Unowned != balance)
            {
                findings.Add(new Finding(where, $"no token holds units of it, yet only {row.Unowned} of the treasury's {balance} is unowned"));
            }

            var held = await db.TokenUnits.AsNoTracking().Where(u => u.CommunityId == community && u.Asset == row.Asset)
                .ToDictionaryAsync(u => u.Serial, cancellationToken);
            var sum = System.Numerics.BigInteger.Zero;
            foreach (var serial in live)
            {
                var units = held.TryGetValue(serial, out var mine) ? mine.Holds + row.IssuedPerToken - mine.Mark : row.IssuedPerToken;
                if (units < Int128.Zero)
                {
                    findings.Add(new Finding(where, $"token #{serial} would hold {units} units"));
                }

                sum += (System.Numerics.BigInteger)units;
            }

            if (sum != (System.Numerics.BigInteger)row.Units)
            {
                findings.Add(new Finding(where, $"counts {row.Units} units but its tokens in circulation hold {sum}"));
            }
        }
    }

    private async Task<(long Entries, long Balances)> VerifyLedgerAsync(
        CommunityId community, Dictionary<long, AuditRecord> audit, List<Finding> findings, CancellationToken cancellationToken)
    {
        var derived = new Dictionary<(string Account, string Asset), Int128>();
        var recorded = new HashSet<long>();
        long expectedNumber = 1;
        var entries = db.JournalEntries.AsNoTracking().Include(e => e.Postings)
            .Where(e => e.CommunityId == community).OrderBy(e => e.Number).AsAsyncEnumerable();
        await foreach (var row in entries.WithCancellation(cancellationToken))
        {
            var where = $"community {community} entry {row.Number}";
            if (row.Number != expectedNumber)
            {
                findings.Add(new Finding($"community {community} entry {expectedNumber}", "is missing from the journal"));
                expectedNumber = row.Number;
            }

            expectedNumber++;
            var postings = new List<Posting>();
            foreach (var posting in row.Postings.OrderBy(p => p.Index))
            {
                derived[(posting.Account, posting.Asset)] = checked(derived.GetValueOrDefault((posting.Account, posting.Asset)) + posting.Units);
                var account = AccountId.Parse(posting.Account);
                var asset = Asset.FromKnownCode(posting.Asset);
                if (!account.IsSuccess || !asset.IsSuccess)
                {
                    findings.Add(new Finding(where, $"posting {posting.Index} names an unknown account or asset"));
                    continue;
                }

                postings.Add(new Posting(account.Value, Money.Of(asset.Value, posting.Units)));
            }

            var entry = JournalEntry.Create(row.Kind, row.Memo, postings);
            if (!entry.IsSuccess)
            {
                findings.Add(new Finding(where, $"is not a valid entry: {entry.Error!.Detail}"));
                continue;
            }

            recorded.Add(row.AuditSequence);
            if (!audit.TryGetValue(row.AuditSequence, out var link))
            {
                findings.Add(new Finding(where, $"its audit link {row.AuditSequence} does not exist"));
            }
            else if (link.Payload != LedgerText.Canonical(row.Number, entry.Value, row.Reference) || link.AtUnixMs != row.AtUnixMs)
            {
                findings.Add(new Finding(where, $"differs from what audit link {row.AuditSequence} recorded"));
            }
        }

        foreach (var link in audit.Values.Where(l => l.Kind.StartsWith("ledger.", StringComparison.Ordinal) && !recorded.Contains(l.Sequence)))
        {
            findings.Add(new Finding($"community {community} audit link {link.Sequence}", "records a journal entry the journal no longer has"));
        }

        var cached = await db.Balances.AsNoTracking().Where(b => b.CommunityId == community).ToListAsync(cancellationToken);
        foreach (var balance in cached)
        {
            var expected = derived.GetValueOrDefault((balance.Account, balance.Asset));
            if (expected != balance.Units)
            {
                findings.Add(new Finding(
                    $"community {community} account {balance.Account} {balance.Asset}",
                    $"balance is {balance.Units.ToString(CultureInfo.InvariantCulture)} but its postings sum to {expected.ToString(CultureInfo.InvariantCulture)}"));
            }

            derived.Remove((balance.Account, balance.Asset));
        }

        foreach (var ((account, asset), units) in derived.Where(d => d.Value != Int128.Zero))
        {
            findings.Add(new Finding($"community {community} account {account} {asset}", $"has postings summing to {units.ToString(CultureInfo.InvariantCulture)} but no balance"));
        }

        return (expectedNumber - 1, cached.Count);
    }

    /// <summary>
    /// Checks an exported audit log (JSON Lines, one link a line, as GET …/audit gives it) without
    /// any database: the chain, and that no account in its ledger links ever went below zero.
    /// </summary>
    public static VerifyReport VerifyExport(TextReader lines)
    {
        var findings = new List<Finding>();
        var records = new List<AuditRecord>();
        var number = 0;
        while (lines.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                var record = JsonSerializer.Deserialize<AuditRecord>(line, WriteScope.AuditJson);
                if (record is null)
                {
                    findings.Add(new Finding($"line {number}", "is not an audit link"));
                    break;
                }

                records.Add(record);
            }
            catch (JsonException)
            {
                findings.Add(new Finding($"line {number}", "is not valid JSON"));
                break;
            }
        }

        if (records.Count > 0)
        {
            var broken = AuditChain.Verify(records, records[0].Chain);
            if (broken is not null)
            {
                findings.Add(new Finding($"link {broken.Sequence}", broken.Reason));
            }
        }

        var balances = new Dictionary<(string, string), Int128>();
        foreach (var link in records.Where(r => r.Kind.StartsWith("ledger.", StringComparison.Ordinal)))
        {
            using var payload = JsonDocument.Parse(link.Payload);
            foreach (var posting in payload.RootElement.GetProperty("postings").EnumerateArray())
            {
                var key = (posting.GetProperty("account").GetString()!, posting.GetProperty("asset").GetString()!);
                var units = Int128.Parse(posting.GetProperty("units").GetString()!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                balances[key] = checked(balances.GetValueOrDefault(key) + units);
                if (balances[key] < Int128.Zero && !key.Item1.StartsWith("external", StringComparison.Ordinal))
                {
                    findings.Add(new Finding($"link {link.Sequence}", $"takes {key.Item1} below zero in {key.Item2}"));
                }
            }
        }

        return new VerifyReport(records.Count, records.Count(r => r.Kind.StartsWith("ledger.", StringComparison.Ordinal)), balances.Count, findings);
    }
}
