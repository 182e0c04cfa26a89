using Autofac;
using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.Modules;
using Vigil.Abstractions.Operations;

namespace Vigil.TestPlugins;

/// <summary>
/// Claims what other plugins claim: a checker named SMTP_CHECK (as the smtpcheck plugin does), a section, a nested
/// keyword and an operation with command words. Compiled into the dupa and dupb plugins, each named after its assembly.
/// </summary>
public sealed class DuplicatingModule : IClusterModule
{
    public string Name { get; } = typeof(DuplicatingModule).Assembly.GetName().Name!;

    public IReadOnlyCollection<string> Sections => ["dup_section"];

    public IReadOnlyCollection<string> GlobalKeys => [];

    public IReadOnlyCollection<KeywordClaim> NestedKeywords => [new("vrrp_instance", ["dup_keyword"])];

    public void Register(ContainerBuilder builder, ModuleContext context)
    {
        builder.RegisterType<DuplicateChecker>().As<IHealthChecker>().SingleInstance();
        builder.RegisterType<DuplicateOperation>().As<IOperation>().SingleInstance();
    }

    public Task StartAsync(ILifetimeScope services, ClusterConfiguration configuration, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("a module with conflicting contributions must never start");

    public Task ReloadAsync(ClusterConfiguration configuration, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private sealed class DuplicateChecker : IHealthChecker
    {
        public string Name => "SMTP_CHECK";

        public CheckerSchema Schema { get; } = new([]);

        public void Validate(ConfigBlock block)
        {
        }

        public IHealthCheck Create(IConfigurationSection block, CheckSettings settings) => throw new NotSupportedException();
    }

    private sealed class DuplicateOperation : IOperation
    {
        public OperationDescriptor Descriptor { get; } = new("dup.echo", "Echo", [], ["dup", "echo"]);

        public Task<OperationResult> ExecuteAsync(OperationArguments arguments, CancellationToken cancellationToken) =>
            Task.FromResult(OperationResult.Ok());
    }
}
