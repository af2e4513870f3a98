using System.Numerics;
using Mikoshi.Domain.Governance;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;

namespace Mikoshi.Chain;

/// <summary>Where and how to reach the chain.</summary>
/// <param name="RpcUrl">The node's JSON-RPC URL.</param>
/// <param name="OperatorKey">The operator's secp256k1 secret (0x + 64 hex digits): it deploys, mints, burns and publishes.</param>
/// <param name="ChainId">The chain id the operator signs for.</param>
/// <param name="ReceiptTimeout">How long to wait for a transaction's receipt before giving up.</param>
/// <param name="RpcTimeout">How long one JSON-RPC request may take.</param>
public sealed record ChainEndpoint(string RpcUrl, string OperatorKey, long ChainId, TimeSpan ReceiptTimeout, TimeSpan RpcTimeout);

/// <summary>What a mined transaction left behind.</summary>
public sealed record MinedTransaction(string Hash, long BlockNumber, string BlockHash, BigInteger GasUsed, string? ContractAddress);

/// <summary>A block's number, hash and parent, and when it was made.</summary>
public sealed record BlockHeader(long Number, string Hash, string ParentHash, DateTimeOffset Timestamp);

/// <summary>
/// Mikoshi's one door to an EVM chain, with Nethereum. Every transaction has its gas estimated first
/// (a transaction sent with the 21,000 default can sit unmined forever) and every receipt wait has a
/// deadline. A revert raises <see cref="ChainRefusedException"/>; anything else the node answers with
/// (unreachable, timed out, rate-limited, out of funds, nonce too low…) raises
/// <see cref="ChainUnavailableException"/>, to be tried again later.
/// Transactions from the operator are sent one at a time within this process, so its own nonces never
/// collide; two processes sending for the same operator can (see decisions.md).
/// </summary>
public sealed class ChainClient : IDisposable
{
    private static readonly TimeSpan ReceiptPoll = TimeSpan.FromMilliseconds(50);
    private readonly HttpClient http;
    private readonly Account account;
    private readonly Web3 web3;
    private readonly SemaphoreSlim sending = new(1, 1);

    public ChainClient(ChainEndpoint endpoint)
    {
        Endpoint = endpoint;
        http = new HttpClient { Timeout = endpoint.RpcTimeout };
        account = new Account(endpoint.OperatorKey, endpoint.ChainId);
        web3 = new Web3(account, new RpcClient(new Uri(endpoint.RpcUrl), http));
        web3.TransactionManager.UseLegacyAsDefault = false;
        Operator = EthAddress.Parse(account.Address).Value;
    }

    public ChainEndpoint Endpoint { get; }

    /// <summary>The operator's address.</summary>
    public EthAddress Operator { get; }

    public Task<long> ChainIdAsync(CancellationToken cancellationToken = default) =>
        Rpc(async () => (long)(await web3.Eth.ChainId.SendRequestAsync()).Value);

    /// <summary>The newest block's number.</summary>
    public Task<long> HeadAsync(CancellationToken cancellationToken = default) =>
        Rpc(async () => (long)(await web3.Eth.Blocks.GetBlockNumber.SendRequestAsync()).Value);

    /// <summary>The canonical block at <paramref name="number"/>, or null if there is none yet.</summary>
    public Task<BlockHeader?> BlockAsync(long number, CancellationToken cancellationToken = default) =>
        Rpc(async () =>
        {
            var block = await web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(new HexBigInteger(number));
            return block is null
                ? null
                : new BlockHeader(number, block.BlockHash, block.ParentHash, DateTimeOffset.FromUnixTimeSeconds((long)block.Timestamp.Value));
        });

    public Task<BigInteger> BalanceAsync(EthAddress account, CancellationToken cancellationToken = default) =>
        Rpc(async () => (await web3.Eth.GetBalance.SendRequestAsync(account.ToString())).Value);

    /// <summary>The logs of <paramref name="addresses"/> in blocks <paramref name="from"/>..<paramref name="to"/>, in chain order.</summary>
    public Task<IReadOnlyList<FilterLog>> LogsAsync(IReadOnlyList<EthAddress> addresses, long from, long to, CancellationToken cancellationToken = default) =>
        Rpc<IReadOnlyList<FilterLog>>(async () =>
        {
            var filter = new NewFilterInput
            {
                Address = addresses.Select(a => a.ToString()).ToArray(),
                FromBlock = new BlockParameter(new HexBigInteger(from)),
                ToBlock = new BlockParameter(new HexBigInteger(to)),
            };
            var logs = await web3.Eth.Filters.GetLogs.SendRequestAsync(filter);
            return logs.OrderBy(l => l.BlockNumber.Value).ThenBy(l => l.LogIndex.Value).ToList();
        });

    /// <summary>Deploys <paramref name="artifact"/> with constructor <paramref name="args"/> and waits for it to be mined.</summary>
    public Task<MinedTransaction> DeployAsync(ContractArtifact artifact, BigInteger value, CancellationToken cancellationToken, params object[] args) =>
        SendAsync(async () =>
        {
            var gas = await web3.Eth.DeployContract.EstimateGasAsync(artifact.Abi, artifact.Bytecode, Operator.ToString(), args);
            return await web3.Eth.DeployContract.SendRequestAsync(artifact.Abi, artifact.Bytecode, Operator.ToString(), WithMargin(gas), new HexBigInteger(value), args);
        }, cancellationToken);

    /// <summary>Calls <paramref name="function"/> on a contract as a transaction from the operator and waits for it to be mined.</summary>
    public Task<MinedTransaction> TransactAsync(ContractArtifact artifact, EthAddress contract, string function, BigInteger value, CancellationToken cancellationToken, params object[] args) =>
        SendAsync(async () =>
        {
            var call = web3.Eth.GetContract(artifact.Abi, contract.ToString()).GetFunction(function);
            var gas = await call.EstimateGasAsync(Operator.ToString(), null, new HexBigInteger(value), args);
            return await call.SendTransactionAsync(Operator.ToString(), WithMargin(gas), new HexBigInteger(value), args);
        }, cancellationToken);

    /// <summary>Reads <paramref name="function"/>'s outputs (a view call at the newest block).</summary>
    public Task<IReadOnlyList<object>> CallAsync(ContractArtifact artifact, EthAddress contract, string function, CancellationToken cancellationToken, params object[] args) =>
        Rpc<IReadOnlyList<object>>(async () =>
        {
            var call = web3.Eth.GetContract(artifact.Abi, contract.ToString()).GetFunction(function);
            var outputs = await call.CallDecodingToDefaultAsync(args);
            return outputs.Select(o => o.Result).ToList();
        });

    /// <summary>Sends a JSON-RPC request as it is (anvil's test methods, say).</summary>
    public Task<T> RequestAsync<T>(string method, params object[] args) =>
        Rpc(() => web3.Client.SendRequestAsync<T>(new RpcRequest(Guid.NewGuid().ToString("N"), method, args)));

    /// <summary>
    /// Waits for <paramref name="hash"/>'s receipt, at most <see cref="ChainEndpoint.ReceiptTimeout"/>; a
    /// reverted transaction raises <see cref="ChainRefusedException"/>.
    /// </summary>
    public async Task<MinedTransaction> WaitAsync(string hash, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Endpoint.ReceiptTimeout);
        try
        {
            while (true)
            {
                var receipt = await Rpc(() => web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(hash));
                if (receipt is not null && receipt.BlockNumber is not null)
                {
                    if (receipt.Status?.Value != BigInteger.One)
                    {
                        throw new ChainRefusedException($"Transaction {hash} reverted.");
                    }

                    return new MinedTransaction(hash, (long)receipt.BlockNumber.Value, receipt.BlockHash, receipt.GasUsed.Value, receipt.ContractAddress);
                }

                await Task.Delay(ReceiptPoll, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ReceiptTimeoutException(hash, Endpoint.ReceiptTimeout);
        }
    }

    /// <summary>Pays <paramref name="value"/> wei to <paramref name="to"/> from the operator.</summary>
    public Task<MinedTransaction> PayAsync(EthAddress to, BigInteger value, CancellationToken cancellationToken = default) =>
        SendAsync(async () =>
        {
            // Estimated like every other transaction: a contract's receive() needs more than 21,000.
            var call = new CallInput { From = Operator.ToString(), To = to.ToString(), Value = new HexBigInteger(value) };
            var gas = await web3.Eth.TransactionManager.EstimateGasAsync(call);
            return await web3.Eth.TransactionManager.SendTransactionAsync(new TransactionInput { From = Operator.ToString(), To = to.ToString(), Value = new HexBigInteger(value), Gas = WithMargin(gas) });
        }, cancellationToken);

    public void Dispose()
    {
        sending.Dispose();
        http.Dispose();
    }

    // A little above the estimate: the estimate is exact for the state it ran on, and the state can move.
    private static HexBigInteger WithMargin(HexBigInteger estimate) => new(estimate.Value * 6 / 5 + 10_000);

    private async Task<MinedTransaction> SendAsync(Func<Task<string>> send, CancellationToken cancellationToken)
    {
        await sending.WaitAsync(cancellationToken);
        string hash;
        try
        {
            // The nonce comes from the chain's pending count for every send, never from a count kept here: a
            // send the node refused, or a reorganisation that dropped a mined one, would otherwise leave a gap
            // that every later transaction waits behind forever.
            if (account.NonceService is { } nonces)
            {
                await nonces.ResetNonceAsync();
            }

            hash = await Rpc(send);
        }
        finally
        {
            sending.Release();
        }

        return await WaitAsync(hash, cancellationToken);
    }

    private static async Task<T> Rpc<T>(Func<Task<T>> request)
    {
        try
        {
            return await request();
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            throw new ChainUnavailableException($"The chain's node did not answer: {Innermost(e).Message}", e);
        }
        catch (Nethereum.Contracts.SmartContractCustomErrorRevertException e)
        {
            throw new ChainRefusedException($"The chain refused it: {e.Message}", e, e.ExceptionEncodedData);
        }
        catch (Nethereum.ABI.FunctionEncoding.SmartContractRevertException e)
        {
            throw new ChainRefusedException($"The chain refused it: {e.Message}", e, e.EncodedData);
        }
        catch (RpcResponseException e) when (IsRevert(e.RpcError))
        {
            throw new ChainRefusedException($"The chain refused it: {e.Message}", e, e.RpcError.Data?.ToString());
        }
        catch (RpcResponseException e)
        {
            // Insufficient funds, nonce too low, rate limits, a header the node does not have yet: the
            // node cannot take it now, and the same request may well pass later.
            throw new ChainUnavailableException($"The chain's node cannot take it now: {e.Message}", e);
        }
    }

    // EIP-1474 gives a revert code 3; nodes that answer a data-less revert otherwise still say so.
    private static bool IsRevert(RpcError? error) =>
        error is not null && (error.Code == 3 || error.Message?.Contains("revert", StringComparison.OrdinalIgnoreCase) == true);

    private static bool IsUnreachable(Exception e) => e switch
    {
        HttpRequestException or TimeoutException or System.Net.Sockets.SocketException => true,
        TaskCanceledException => true,
        RpcClientUnknownException or RpcClientTimeoutException => true,
        _ => e.InnerException is { } inner && IsUnreachable(inner),
    };

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
