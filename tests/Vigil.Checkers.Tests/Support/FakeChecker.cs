using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Configuration;

namespace Vigil.Checkers.Tests.Support;

/// <summary>FAKE_CHECK: a checker whose probes answer what the test says, one script per <c>id</c>.</summary>
internal sealed class FakeChecker(string name = "FAKE_CHECK") : IHealthChecker
{
    private readonly ConcurrentDictionary<string, FakeCheck> _byId = new();

    public string Name => name;

    public CheckerSchema Schema { get; } = new(["id"]);

    /// <summary>Every check created, in order (a reload that keeps a check creates none).</summary>
    public ConcurrentQueue<FakeCheck> Created { get; } = new();

    public FakeCheck this[string id] => _byId.GetOrAdd(id, i => new FakeCheck(i));

    public void Validate(ConfigBlock block)
    {
        if (block.String("id") is null)
        {
            block.Error("id", $"{block.Context} needs an id");
        }
    }

    public IHealthCheck Create(IConfigurationSection block, CheckSettings settings)
    {
        var check = this[block["id"]!];
        check.Created(settings);
        Created.Enqueue(check);
        return check;
    }
}
