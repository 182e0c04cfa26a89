namespace Vigil.Abstractions.Operations;

/// <summary>
/// Something a running daemon does on request, from <c>vigil op</c>, a declared subcommand (<c>vigil rs drain …</c>), or
/// a JSON line on the admin socket — usable from ansible, fabric or salt. Modules register implementations in the
/// container; names and command words must be unique across modules (a clash is a load error naming both).
/// </summary>
public interface IOperation
{
    /// <summary>Its name, arguments and description.</summary>
    OperationDescriptor Descriptor { get; }

    /// <summary>Runs with arguments already parsed and checked against <see cref="Descriptor"/>.</summary>
    Task<OperationResult> ExecuteAsync(OperationArguments arguments, CancellationToken cancellationToken);
}
