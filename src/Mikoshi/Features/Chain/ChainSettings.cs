using Mikoshi.Chain;
using Mikoshi.Domain;

namespace Mikoshi.Features.Chain;

/// <summary>
/// Chain mode's configuration: <c>Mikoshi:Chain:RpcUrl</c> (or <c>mikoshi serve --chain-rpc</c>),
/// <c>Mikoshi:Chain:OperatorKey</c> (the operator's secret; keep it in the environment, not a file),
/// <c>Mikoshi:Chain:Confirmations</c> (default 2), <c>Mikoshi:Chain:PollSeconds</c> (default 2),
/// <c>Mikoshi:Chain:ReceiptTimeoutSeconds</c> (default 60), <c>Mikoshi:Chain:RpcTimeoutSeconds</c>
/// (default 10) and the chain id <c>Mikoshi:ChainId</c> (default 31337, shared with signed votes).
/// </summary>
public sealed class ChainSettings(IConfiguration configuration)
{
    public string? RpcUrl => configuration["Mikoshi:Chain:RpcUrl"] is { Length: > 0 } url ? url : null;

    public bool IsConfigured => RpcUrl is not null && configuration["Mikoshi:Chain:OperatorKey"] is { Length: > 0 };

    public long ChainId => configuration.GetValue<long?>("Mikoshi:ChainId") ?? 31337;

    /// <summary>How many blocks must follow a block before its events are mirrored.</summary>
    public int Confirmations => Math.Max(0, configuration.GetValue<int?>("Mikoshi:Chain:Confirmations") ?? 2);

    public TimeSpan Poll => TimeSpan.FromSeconds(Math.Max(0.05, configuration.GetValue<double?>("Mikoshi:Chain:PollSeconds") ?? 2));

    public ChainEndpoint Endpoint() => new(
        RpcUrl ?? throw new InvariantViolatedException("Chain mode is not configured."),
        configuration["Mikoshi:Chain:OperatorKey"]!,
        ChainId,
        TimeSpan.FromSeconds(configuration.GetValue<double?>("Mikoshi:Chain:ReceiptTimeoutSeconds") ?? 60),
        TimeSpan.FromSeconds(configuration.GetValue<double?>("Mikoshi:Chain:RpcTimeoutSeconds") ?? 10));
}

/// <summary>The one chain client of the process (its operator's transactions take turns through it).</summary>
public sealed class ChainConnection(ChainSettings settings) : IDisposable
{
    private readonly Lazy<ChainClient> client = new(() => new ChainClient(settings.Endpoint()));

    public ChainSettings Settings => settings;

    /// <summary>The client, or <c>chain_not_configured</c>.</summary>
    public Result<ChainClient> Client() =>
        settings.IsConfigured ? client.Value : ChainErrors.ChainNotConfigured;

    /// <summary>Runs a chain call, turning the chain's failures into the problem codes the API answers with.</summary>
    public static async Task<Result<T>> TryAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ChainUnavailableException e)
        {
            return ChainErrors.ChainUnavailable(e.Message);
        }
        catch (ReceiptTimeoutException e)
        {
            return ChainErrors.ChainReceiptTimeout(e.Message);
        }
        catch (ChainRefusedException e)
        {
            return ChainErrors.ChainRefused(e.Message);
        }
    }

    public void Dispose()
    {
        if (client.IsValueCreated)
        {
            client.Value.Dispose();
        }
    }
}
