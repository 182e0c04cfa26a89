using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Configuration;

namespace Vigil.Abstractions.Tests.Checks;

/// <summary>A checker that only describes itself and remembers the blocks it was asked to validate.</summary>
internal sealed class FakeChecker(string name, CheckerSchema schema, Action<ConfigBlock>? validate = null) : IHealthChecker
{
    public string Name => name;

    public CheckerSchema Schema => schema;

    public List<ConfigBlock> Validated { get; } = [];

    public void Validate(ConfigBlock block)
    {
        Validated.Add(block);
        validate?.Invoke(block);
    }

    public IHealthCheck Create(IConfigurationSection block, CheckSettings settings) => throw new NotSupportedException("not probed in these tests");
}
