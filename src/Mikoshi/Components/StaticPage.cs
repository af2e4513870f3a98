using Microsoft.AspNetCore.Components;

namespace Mikoshi.Components;

/// <summary>
/// Every page: rendered once its loading has finished. <see cref="ComponentBase"/> renders a page
/// as soon as <c>OnInitializedAsync</c> first awaits, so a slow database (seen under load, on
/// PostgreSQL) could have the markup read half-loaded state and fail. Static server rendering
/// throws that intermediate render away anyway, so pages skip it.
/// </summary>
public abstract class StaticPage : ComponentBase
{
    private bool initialized;

    /// <inheritdoc />
    public override async Task SetParametersAsync(ParameterView parameters)
    {
        parameters.SetParameterProperties(this);
        if (!initialized)
        {
            initialized = true;
            OnInitialized();
            await OnInitializedAsync();
        }

        OnParametersSet();
        await OnParametersSetAsync();
        StateHasChanged();
    }
}
