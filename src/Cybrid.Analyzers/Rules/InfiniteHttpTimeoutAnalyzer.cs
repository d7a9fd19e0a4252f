using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Cybrid.Analyzers.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using static Cybrid.Analyzers.Internal.TypeSymbols;

namespace Cybrid.Analyzers.Rules
{
    /// <summary>
    /// CYB0005: an infinite (<c>Timeout.InfiniteTimeSpan</c>, <c>-1</c> ms, <c>Timeout.Infinite</c>) or effectively
    /// infinite (<c>TimeSpan.MaxValue</c>, <c>int.MaxValue</c> ms or more) timeout given to an HTTP client, handler,
    /// web request or generated-client configuration; an infinite <c>CancellationTokenSource</c> delay in a method that
    /// sends an HTTP request; and an <c>HttpClient.Timeout</c> above <c>max_timeout_seconds</c>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class InfiniteHttpTimeoutAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: <see cref="TimeSpanUnit"/> or <see cref="MillisecondsUnit"/>, the unit of the replacement.</summary>
        public const string UnitProperty = "Unit";

        /// <summary>Diagnostic property: the replacement's number (seconds for a TimeSpan, milliseconds for an int). Absent: no fix.</summary>
        public const string ValueProperty = "Value";

        /// <summary>Diagnostic property, present when the value is the argument of a CancellationTokenSource constructor or CancelAfter.</summary>
        public const string ArgumentProperty = "Argument";

        public const string TimeSpanUnit = "TimeSpan";
        public const string MillisecondsUnit = "Milliseconds";

        private const string HttpMessageInvokerName = "System.Net.Http.HttpMessageInvoker";
        private const int DefaultMaxSeconds = 300;
        private const int DefaultRecommendedSeconds = 30;
        private const long TicksPerMillisecond = 10000;
        private const int MaxFollowDepth = 4;

        private static readonly ImmutableArray<OptionDefinition> Options =
            ImmutableArray.Create(CybridOptions.TimeoutMaxSeconds, CybridOptions.TimeoutRecommendedSeconds);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.CYB0005_InfiniteHttpTimeout,
            Descriptors.CYB0000_InvalidOption);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None); // a generated client's defaults are not the user's to fix
            context.RegisterCompilationStartAction(start =>
            {
                var state = CompilationState.TryCreate(start.Compilation);
                if (state == null)
                {
                    return;
                }

                start.RegisterSyntaxTreeAction(tree => CybridOptions.ReportInvalidValues(tree, Options));
                start.RegisterOperationAction(state.AnalyzeAssignment, OperationKind.SimpleAssignment);
                start.RegisterOperationAction(state.AnalyzeObjectCreation, OperationKind.ObjectCreation);
                start.RegisterOperationAction(state.AnalyzeInvocation, OperationKind.Invocation);
            });
        }

        /// <summary>The unit a timeout member or argument takes.</summary>
        private enum Unit
        {
            TimeSpan,
            Milliseconds,
        }

        private enum Verdict
        {
            /// <summary>-1 ms: the framework's "no timeout" sentinel.</summary>
            Infinite,

            /// <summary>So long (int.MaxValue ms, about 24.9 days, or more) that it never fires in practice.</summary>
            EffectivelyInfinite,

            /// <summary>Finite, but above max_timeout_seconds.</summary>
            AboveMaximum,
        }

        /// <summary>A timeout member the rule knows: what to call it in the message, its unit, and whether the maximum applies.</summary>
        private sealed class Sink
        {
            public Sink(string display, Unit unit, bool checkMaximum)
            {
                Display = display;
                Unit = unit;
                CheckMaximum = checkMaximum;
            }

            public string Display { get; }

            public Unit Unit { get; }

            public bool CheckMaximum { get; }
        }

        /// <summary>The folded value of a timeout expression.</summary>
        private struct Folded
        {
            /// <summary>The value in ticks (TimeSpan.MaxValue.Ticks for "MaxValue").</summary>
            public long Ticks;

            /// <summary>How the message names the value (<c>Timeout.InfiniteTimeSpan</c>, <c>-1 ms</c>, …).</summary>
            public string Shown;

            /// <summary>The constant, local or field the value came through, if any.</summary>
            public string? Via;
        }

        private sealed class Settings
        {
            public Settings(int maxSeconds, int recommendedSeconds)
            {
                MaxSeconds = maxSeconds;
                RecommendedSeconds = recommendedSeconds;
            }

            public int MaxSeconds { get; }

            public int RecommendedSeconds { get; }
        }

        private sealed class CompilationState
        {
            private readonly INamedTypeSymbol _timeSpan;
            private readonly INamedTypeSymbol? _timeout;
            private readonly INamedTypeSymbol? _cancellationTokenSource;
            private readonly INamedTypeSymbol? _httpMessageInvoker;
            private readonly INamedTypeSymbol? _webRequest;
            private readonly Dictionary<IPropertySymbol, Sink> _sinks;
            private readonly ParsedOptionsCache<Settings> _settings = new ParsedOptionsCache<Settings>(o => new Settings(
                CybridOptions.GetPositiveInteger(o, CybridOptions.TimeoutMaxSeconds, DefaultMaxSeconds),
                CybridOptions.GetPositiveInteger(o, CybridOptions.TimeoutRecommendedSeconds, DefaultRecommendedSeconds)));

            private CompilationState(
                INamedTypeSymbol timeSpan,
                INamedTypeSymbol? timeout,
                INamedTypeSymbol? cancellationTokenSource,
                INamedTypeSymbol? httpMessageInvoker,
                INamedTypeSymbol? webRequest,
                Dictionary<IPropertySymbol, Sink> sinks)
            {
                _timeSpan = timeSpan;
                _timeout = timeout;
                _cancellationTokenSource = cancellationTokenSource;
                _httpMessageInvoker = httpMessageInvoker;
                _webRequest = webRequest;
                _sinks = sinks;
            }

            /// <summary>Null when the compilation has no HTTP stack at all: then the rule registers nothing.</summary>
            public static CompilationState? TryCreate(Compilation compilation)
            {
                var types = WellKnownTypes.GetOrCreate(compilation);
                var timeSpan = types.Get(WellKnownTypeNames.TimeSpan);
                var httpClient = types.Get(WellKnownTypeNames.HttpClient);
                var httpMessageInvoker = types.Get(HttpMessageInvokerName) ?? httpClient;
                var socketsHttpHandler = types.Get(WellKnownTypeNames.SocketsHttpHandler);
                var webRequest = types.Get(WellKnownTypeNames.WebRequest);
                var httpWebRequest = types.Get(WellKnownTypeNames.HttpWebRequest);
                if (timeSpan == null || (httpClient == null && socketsHttpHandler == null && webRequest == null && httpWebRequest == null))
                {
                    return null;
                }

                var sinks = new Dictionary<IPropertySymbol, Sink>(SymbolEqualityComparer.Default);
                AddSink(sinks, timeSpan, httpClient, "Timeout", checkMaximum: true);

                // Per-phase waits of a request: infinite means a dead peer holds the call forever. The pool's
                // lifetimes (PooledConnectionLifetime, PooledConnectionIdleTimeout) and KeepAlivePingDelay are
                // recycling intervals, not waits, and are infinite by design; they are left alone.
                AddSink(sinks, timeSpan, socketsHttpHandler, "ConnectTimeout", checkMaximum: false);
                AddSink(sinks, timeSpan, socketsHttpHandler, "ResponseDrainTimeout", checkMaximum: false);
                AddSink(sinks, timeSpan, socketsHttpHandler, "Expect100ContinueTimeout", checkMaximum: false);
                AddSink(sinks, timeSpan, socketsHttpHandler, "KeepAlivePingTimeout", checkMaximum: false);
                AddSink(sinks, timeSpan, webRequest, "Timeout", checkMaximum: false);
                AddSink(sinks, timeSpan, httpWebRequest, "Timeout", checkMaximum: false);
                AddSink(sinks, timeSpan, httpWebRequest, "ReadWriteTimeout", checkMaximum: false);
                AddSink(sinks, timeSpan, httpWebRequest, "ContinueTimeout", checkMaximum: false);

                return new CompilationState(
                    timeSpan,
                    types.Get(WellKnownTypeNames.Timeout),
                    types.Get(WellKnownTypeNames.CancellationTokenSource),
                    httpMessageInvoker,
                    webRequest,
                    sinks);
            }

            private static void AddSink(Dictionary<IPropertySymbol, Sink> sinks, INamedTypeSymbol timeSpan, INamedTypeSymbol? type, string name, bool checkMaximum)
            {
                if (type == null)
                {
                    return;
                }

                foreach (var member in type.GetMembers(name))
                {
                    if (member is IPropertySymbol property && TryGetUnit(property.Type, timeSpan, out var unit))
                    {
                        sinks[property] = new Sink(type.Name + "." + name, unit, checkMaximum);
                    }
                }
            }

            private static bool TryGetUnit(ITypeSymbol type, INamedTypeSymbol timeSpan, out Unit unit)
            {
                if (SymbolEqualityComparer.Default.Equals(type, timeSpan))
                {
                    unit = Unit.TimeSpan;
                    return true;
                }

                unit = Unit.Milliseconds;
                return type.SpecialType == SpecialType.System_Int32;
            }

            // ---- entry points -------------------------------------------------------------------------------

            public void AnalyzeAssignment(OperationAnalysisContext context)
            {
                var assignment = (ISimpleAssignmentOperation)context.Operation;
                if (!(assignment.Target is IPropertyReferenceOperation target)
                    || !target.Property.Name.EndsWith("Timeout", StringComparison.Ordinal))
                {
                    return;
                }

                var property = target.Property.OriginalDefinition;
                if (!_sinks.TryGetValue(property, out var sink) && !TryGetGeneratedConfigurationSink(property, out sink))
                {
                    return;
                }

                CheckValue(context, assignment.Value, sink, isArgument: false, depth: 0);
            }

            public void AnalyzeObjectCreation(OperationAnalysisContext context)
            {
                var creation = (IObjectCreationOperation)context.Operation;
                if (_cancellationTokenSource == null || creation.Arguments.Length != 1
                    || !SymbolEqualityComparer.Default.Equals(creation.Type, _cancellationTokenSource))
                {
                    return;
                }

                CheckCancellationDelay(context, creation.Arguments[0], "The delay of new CancellationTokenSource(…)");
            }

            public void AnalyzeInvocation(OperationAnalysisContext context)
            {
                var invocation = (IInvocationOperation)context.Operation;

                // the argument count sits on the operation itself: the method symbol is read only for one-argument calls
                if (_cancellationTokenSource == null || invocation.Arguments.Length != 1)
                {
                    return;
                }

                var method = invocation.TargetMethod;
                if (method.Name != "CancelAfter" || !SymbolEqualityComparer.Default.Equals(method.ContainingType, _cancellationTokenSource))
                {
                    return;
                }

                CheckCancellationDelay(context, invocation.Arguments[0], "CancellationTokenSource.CancelAfter");
            }

            // ---- sinks --------------------------------------------------------------------------------------

            /// <summary>
            /// <c>Timeout</c> of an OpenAPI-generated client's <c>Configuration</c> (int milliseconds, or a TimeSpan in
            /// newer generators): a class named <c>Configuration</c> in a namespace whose last part is <c>Client</c>,
            /// that either lives under a namespace naming Cybrid or implements openapi-generator's
            /// <c>IReadableConfiguration</c>.
            /// </summary>
            private bool TryGetGeneratedConfigurationSink(IPropertySymbol property, out Sink sink)
            {
                sink = null!;
                var type = property.ContainingType;
                if (property.Name != "Timeout" || property.IsStatic || type == null || type.Name != "Configuration"
                    || !TryGetUnit(property.Type, _timeSpan, out var unit))
                {
                    return false;
                }

                var ns = type.ContainingNamespace;
                if (ns == null || ns.IsGlobalNamespace || ns.Name != "Client")
                {
                    return false;
                }

                if (!NamespaceMentionsCybrid(ns) && !ImplementsReadableConfiguration(type))
                {
                    return false;
                }

                sink = new Sink("Configuration.Timeout of the generated client", unit, checkMaximum: false);
                return true;
            }

            private static bool NamespaceMentionsCybrid(INamespaceSymbol ns)
            {
                for (var current = ns; current != null && !current.IsGlobalNamespace; current = current.ContainingNamespace)
                {
                    if (current.Name.IndexOf("Cybrid", StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        return true;
                    }
                }

                return false;
            }

            private static bool ImplementsReadableConfiguration(INamedTypeSymbol type)
            {
                foreach (var implemented in type.AllInterfaces)
                {
                    if (implemented.Name == "IReadableConfiguration")
                    {
                        return true;
                    }
                }

                return false;
            }

            private void CheckCancellationDelay(OperationAnalysisContext context, IArgumentOperation argument, string display)
            {
                if (argument.Parameter == null || !TryGetUnit(argument.Parameter.Type, _timeSpan, out var unit))
                {
                    return;
                }

                // Classify first: the search for an HTTP call below only runs for an infinite delay.
                var value = Unwrap(argument.Value);
                if (value == null || !TryFold(value, unit, context.CancellationToken, 0, out var folded) || Classify(folded, unit, null) is not Verdict verdict
                    || !SendsHttpRequest(argument))
                {
                    return;
                }

                var sink = new Sink(display + " in a method that sends an HTTP request", unit, checkMaximum: false);
                Report(context, value, sink, folded, verdict, isArgument: true);
            }

            // ---- values -------------------------------------------------------------------------------------

            private void CheckValue(OperationAnalysisContext context, IOperation value, Sink sink, bool isArgument, int depth)
            {
                var unwrapped = Unwrap(value);
                switch (unwrapped)
                {
                    case null:
                        return;
                    case IConditionalOperation { WhenFalse: { } whenFalse } conditional when depth < MaxFollowDepth:
                        CheckValue(context, conditional.WhenTrue, sink, isArgument, depth + 1);
                        CheckValue(context, whenFalse, sink, isArgument, depth + 1);
                        return;
                    case ICoalesceOperation coalesce when depth < MaxFollowDepth:
                        CheckValue(context, coalesce.WhenNull, sink, isArgument, depth + 1);
                        return;
                }

                if (!TryFold(unwrapped, sink.Unit, context.CancellationToken, 0, out var folded))
                {
                    return;
                }

                var settings = sink.CheckMaximum ? _settings.Get(context.Options, unwrapped.Syntax.SyntaxTree) : null;
                if (Classify(folded, sink.Unit, settings) is Verdict verdict)
                {
                    Report(context, unwrapped, sink, folded, verdict, isArgument);
                }
            }

            private static Verdict? Classify(Folded folded, Unit unit, Settings? maximum)
            {
                if (folded.Ticks == -TicksPerMillisecond)
                {
                    return Verdict.Infinite;
                }

                if (folded.Ticks >= int.MaxValue * TicksPerMillisecond)
                {
                    return Verdict.EffectivelyInfinite;
                }

                if (maximum != null && folded.Ticks > maximum.MaxSeconds * 1000L * TicksPerMillisecond)
                {
                    return Verdict.AboveMaximum;
                }

                return null;
            }

            /// <summary>
            /// The value of a timeout expression in ticks: well-known fields, <c>TimeSpan.From*</c> and <c>new TimeSpan(…)</c>
            /// of constants, integer constants (milliseconds), and — one level at a time — the last write of a local
            /// before this use in the same method, or the initializer of a readonly field declared in this file.
            /// </summary>
            private bool TryFold(IOperation operation, Unit unit, CancellationToken cancellationToken, int depth, out Folded folded)
            {
                folded = default;
                if (depth > MaxFollowDepth)
                {
                    return false;
                }

                var constant = operation.ConstantValue;
                if (unit == Unit.Milliseconds)
                {
                    if (!constant.HasValue || !TryGetInteger(constant.Value, out var milliseconds) || milliseconds < -1)
                    {
                        return TryFollow(operation, unit, cancellationToken, depth, out folded);
                    }

                    folded.Ticks = milliseconds * TicksPerMillisecond;
                    folded.Shown = NameOfWellKnownConstant(operation) ?? milliseconds.ToString(CultureInfo.InvariantCulture) + " ms";
                    folded.Via = operation is IFieldReferenceOperation or ILocalReferenceOperation && NameOfWellKnownConstant(operation) == null
                        ? DescribeSymbol(operation)
                        : null;
                    return true;
                }

                switch (operation)
                {
                    case IFieldReferenceOperation field when IsField(field.Field, _timeout, "InfiniteTimeSpan"):
                        folded.Ticks = -TicksPerMillisecond;
                        folded.Shown = "Timeout.InfiniteTimeSpan";
                        return true;
                    case IFieldReferenceOperation field when IsField(field.Field, _timeSpan, "MaxValue"):
                        folded.Ticks = long.MaxValue;
                        folded.Shown = "TimeSpan.MaxValue";
                        return true;
                    case IInvocationOperation invocation when invocation.TargetMethod.IsStatic
                                                              && invocation.TargetMethod.Name.StartsWith("From", StringComparison.Ordinal)
                                                              && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, _timeSpan):
                        return TryFoldParts(invocation.TargetMethod.Name, invocation.Arguments, out folded);
                    case IObjectCreationOperation creation when SymbolEqualityComparer.Default.Equals(creation.Type, _timeSpan):
                        return TryFoldParts(null, creation.Arguments, out folded);
                    default:
                        return TryFollow(operation, unit, cancellationToken, depth, out folded);
                }
            }

                /// <summary>
            /// Follows a local to the writes that can reach the use, or a readonly field to its initializer. Of several
            /// writes that reach the use, the worst value counts: an infinite timeout on one path is a finding.
            /// </summary>
            private bool TryFollow(IOperation operation, Unit unit, CancellationToken cancellationToken, int depth, out Folded folded)
            {
                folded = default;
                switch (operation)
                {
                    case ILocalReferenceOperation local:
                        var found = false;
                        foreach (var write in ReachingWrites(local))
                        {
                            var value = Unwrap(write);
                            if (value != null && TryFold(value, unit, cancellationToken, depth + 1, out var candidate)
                                && (!found || Severity(candidate.Ticks) > Severity(folded.Ticks)))
                            {
                                folded = candidate;
                                found = true;
                            }
                        }

                        if (!found)
                        {
                            return false;
                        }

                        break;
                    case IFieldReferenceOperation { Field: { IsReadOnly: true, IsConst: false } } field:
                        var initializer = Unwrap(ReadonlyFieldInitializer(field, cancellationToken));
                        if (initializer == null || !TryFold(initializer, unit, cancellationToken, depth + 1, out folded))
                        {
                            return false;
                        }

                        break;
                    default:
                        return false;
                }

                folded.Via = DescribeSymbol(operation);
                return true;
            }

            /// <summary>Orders folded values from harmless to worst: -1 ms (infinite) ranks above every finite value.</summary>
            private static double Severity(long ticks) => ticks == -TicksPerMillisecond ? double.MaxValue : ticks;

            /// <summary>
            /// The values written to a local that can reach <paramref name="use"/>: the last write before it that always
            /// runs on the way (a statement of a block that encloses the use), and every later write before it that
            /// runs only on some paths (in an if, a loop, a switch section). A use inside a lambda or local function is
            /// placed where that function is written. Empty when the local is also written in a way the rule does not
            /// follow (ref/out, compound assignment, deconstruction, a write inside a nested function).
            /// </summary>
            private static List<IOperation> ReachingWrites(ILocalReferenceOperation use)
            {
                var result = new List<IOperation>();
                var local = use.Local;
                if (local.IsRef)
                {
                    return result;
                }

                IOperation top = use;
                while (top.Parent != null)
                {
                    top = top.Parent;
                }

                var writes = new List<(IOperation Write, IOperation Value)>();
                IOperation? declaringFunction = null;
                foreach (var descendant in top.Descendants())
                {
                    switch (descendant)
                    {
                        case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                            declaringFunction = EnclosingFunction(declarator);
                            var initializer = declarator.GetVariableInitializer()?.Value;
                            if (initializer != null)
                            {
                                writes.Add((declarator, initializer));
                            }

                            break;
                        case ILocalReferenceOperation reference when !ReferenceEquals(reference, use) && SymbolEqualityComparer.Default.Equals(reference.Local, local):
                            if (reference.Parent is ISimpleAssignmentOperation assignment && ReferenceEquals(assignment.Target, reference))
                            {
                                writes.Add((assignment, assignment.Value));
                            }
                            else if (IsOtherWrite(reference))
                            {
                                return result;
                            }

                            break;
                    }
                }

                if (declaringFunction == null)
                {
                    return result;
                }

                // Where the use happens from the declaring function's point of view.
                IOperation anchor = use;
                for (var guard = 0; !ReferenceEquals(EnclosingFunction(anchor), declaringFunction); guard++)
                {
                    var outer = EnclosingFunction(anchor);
                    if (ReferenceEquals(outer, anchor) || outer.Parent == null || guard > 16)
                    {
                        return result;
                    }

                    anchor = outer;
                }

                var anchorStart = anchor.Syntax.SpanStart;
                var lastAlwaysStart = -1;
                foreach (var (write, _) in writes)
                {
                    if (!ReferenceEquals(EnclosingFunction(write), declaringFunction))
                    {
                        return result; // written inside a lambda or local function: it may run at any time
                    }

                    var start = write.Syntax.SpanStart;
                    if (start < anchorStart && start > lastAlwaysStart && AlwaysRunsBefore(write, anchor))
                    {
                        lastAlwaysStart = start;
                    }
                }

                foreach (var (write, value) in writes)
                {
                    var start = write.Syntax.SpanStart;
                    if (start < anchorStart && start >= lastAlwaysStart)
                    {
                        result.Add(value);
                    }
                }

                return result;
            }

            /// <summary>True when <paramref name="write"/> is a plain statement of a block that also holds <paramref name="anchor"/>.</summary>
            private static bool AlwaysRunsBefore(IOperation write, IOperation anchor)
            {
                var statement = write;
                while (!(statement.Parent is IBlockOperation))
                {
                    var parent = statement.Parent;
                    if (parent == null)
                    {
                        return false;
                    }

                    statement = parent;

                    switch (statement)
                    {
                        case IExpressionStatementOperation _:
                        case ISimpleAssignmentOperation _:
                        case IVariableDeclaratorOperation _:
                        case IVariableDeclarationOperation _:
                        case IVariableDeclarationGroupOperation _:
                        case IUsingDeclarationOperation _:
                            continue;
                        default:
                            return false;
                    }
                }

                var block = statement.Parent;
                for (var current = anchor.Parent; current != null; current = current.Parent)
                {
                    if (ReferenceEquals(current, block))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static bool IsOtherWrite(ILocalReferenceOperation reference)
            {
                switch (reference.Parent)
                {
                    case ICompoundAssignmentOperation compound:
                        return ReferenceEquals(compound.Target, reference);
                    case ICoalesceAssignmentOperation coalesce:
                        return ReferenceEquals(coalesce.Target, reference);
                    case IIncrementOrDecrementOperation _:
                    case IDeclarationExpressionOperation _:
                    case ITupleOperation _:
                        return true;
                    case IArgumentOperation argument:
                        return argument.Parameter != null && (argument.Parameter.RefKind == RefKind.Ref || argument.Parameter.RefKind == RefKind.Out);
                    default:
                        return reference.IsDeclaration;
                }
            }

            private static IOperation EnclosingFunction(IOperation operation)
            {
                var current = operation;
                while (current.Parent != null)
                {
                    current = current.Parent;
                    if (current is IAnonymousFunctionOperation || current is ILocalFunctionOperation)
                    {
                        return current;
                    }
                }

                return current;
            }

            /// <summary>The initializer of a readonly field declared (once) in the same file as the use.</summary>
            private static IOperation? ReadonlyFieldInitializer(IFieldReferenceOperation reference, CancellationToken cancellationToken)
            {
                var field = reference.Field;
                var model = reference.SemanticModel;
                if (model == null || field.DeclaringSyntaxReferences.Length != 1)
                {
                    return null;
                }

                var declaration = field.DeclaringSyntaxReferences[0];
                if (declaration.SyntaxTree != reference.Syntax.SyntaxTree
                    || !(declaration.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer: { Value: { } value } }))
                {
                    return null;
                }

                return model.GetOperation(value, cancellationToken);
            }

            /// <summary>Folds <c>TimeSpan.From*(…)</c> (by method name, or by parameter names in .NET 9's overloads) and <c>new TimeSpan(…)</c>.</summary>
            private static bool TryFoldParts(string? methodName, ImmutableArray<IArgumentOperation> arguments, out Folded folded)
            {
                folded = default;
                if (arguments.IsEmpty)
                {
                    return false;
                }

                double ticks = 0;
                foreach (var argument in arguments)
                {
                    var parameter = argument.Parameter;
                    var constant = argument.Value.ConstantValue;
                    if (parameter == null || !constant.HasValue || !TryGetNumber(constant.Value, out var number))
                    {
                        return false;
                    }

                    var scale = ScaleOf(parameter.Name == "value" ? methodName : parameter.Name);
                    if (scale == 0)
                    {
                        return false;
                    }

                    ticks += number * scale;
                }

                // NaN, infinities and values beyond TimeSpan's range throw at run time; they are not timeouts.
                if (double.IsNaN(ticks) || ticks >= long.MaxValue || ticks <= long.MinValue)
                {
                    return false;
                }

                folded.Ticks = (long)Math.Round(ticks);
                folded.Shown = folded.Ticks == -TicksPerMillisecond ? "-1 ms" : DescribeDuration(folded.Ticks);
                return true;
            }

            private static double ScaleOf(string? unitName)
            {
                switch (unitName)
                {
                    case "FromTicks":
                    case "ticks":
                        return 1;
                    case "microseconds":
                        return 10;
                    case "FromMilliseconds":
                    case "milliseconds":
                        return TicksPerMillisecond;
                    case "FromSeconds":
                    case "seconds":
                        return TicksPerMillisecond * 1000.0;
                    case "FromMinutes":
                    case "minutes":
                        return TicksPerMillisecond * 60000.0;
                    case "FromHours":
                    case "hours":
                        return TicksPerMillisecond * 3600000.0;
                    case "FromDays":
                    case "days":
                        return TicksPerMillisecond * 86400000.0;
                    default:
                        return 0;
                }
            }

            // ---- HTTP calls ---------------------------------------------------------------------------------

            /// <summary>True when the method (or top-level program) around <paramref name="operation"/> sends an HTTP request.</summary>
            private bool SendsHttpRequest(IOperation operation)
            {
                var root = operation;
                while (root.Parent != null)
                {
                    root = root.Parent;
                }

                foreach (var descendant in root.Descendants())
                {
                    if (descendant is IInvocationOperation invocation && IsHttpSend(invocation.TargetMethod))
                    {
                        return true;
                    }
                }

                return false;
            }

            private bool IsHttpSend(IMethodSymbol method)
            {
                var name = method.Name;
                if (method.IsExtensionMethod || method.ReducedFrom != null)
                {
                    var unreduced = method.ReducedFrom ?? method;
                    return unreduced.Parameters.Length > 0 && HasRequestVerb(name)
                           && DerivesFrom(unreduced.Parameters[0].Type as INamedTypeSymbol, _httpMessageInvoker);
                }

                if (DerivesFrom(method.ContainingType, _httpMessageInvoker))
                {
                    return HasRequestVerb(name);
                }

                if (DerivesFrom(method.ContainingType, _webRequest))
                {
                    return name == "GetResponse" || name == "GetResponseAsync" || name == "BeginGetResponse"
                           || name == "GetRequestStream" || name == "GetRequestStreamAsync" || name == "BeginGetRequestStream";
                }

                return false;
            }

            private static bool HasRequestVerb(string name)
                => name.StartsWith("Send", StringComparison.Ordinal) || name.StartsWith("Get", StringComparison.Ordinal)
                   || name.StartsWith("Post", StringComparison.Ordinal) || name.StartsWith("Put", StringComparison.Ordinal)
                   || name.StartsWith("Patch", StringComparison.Ordinal) || name.StartsWith("Delete", StringComparison.Ordinal);

            // ---- reporting ----------------------------------------------------------------------------------

            private void Report(OperationAnalysisContext context, IOperation value, Sink sink, Folded folded, Verdict verdict, bool isArgument)
            {
                var settings = _settings.Get(context.Options, value.Syntax.SyntaxTree);
                var seconds = settings.RecommendedSeconds;
                if (sink.CheckMaximum && seconds > settings.MaxSeconds)
                {
                    seconds = settings.MaxSeconds; // never "fix" into another finding
                }

                var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                string suggestion;
                var fixable = seconds * 1000L < int.MaxValue;
                if (sink.Unit == Unit.TimeSpan || isArgument)
                {
                    properties.Add(UnitProperty, TimeSpanUnit);
                    suggestion = "TimeSpan.FromSeconds(" + seconds.ToString(CultureInfo.InvariantCulture) + ")";
                    if (fixable)
                    {
                        properties.Add(ValueProperty, seconds.ToString(CultureInfo.InvariantCulture));
                    }
                }
                else
                {
                    var milliseconds = seconds * 1000L;
                    properties.Add(UnitProperty, MillisecondsUnit);
                    suggestion = milliseconds.ToString(CultureInfo.InvariantCulture) + " ms";
                    if (fixable)
                    {
                        properties.Add(ValueProperty, milliseconds.ToString(CultureInfo.InvariantCulture));
                    }
                }

                if (isArgument)
                {
                    properties.Add(ArgumentProperty, "true");
                }

                string description;
                switch (verdict)
                {
                    case Verdict.Infinite:
                        description = "infinite (" + folded.Shown + (folded.Via != null ? ", through " + folded.Via : string.Empty) + ")";
                        break;
                    case Verdict.EffectivelyInfinite:
                        description = "effectively infinite (" + folded.Shown + (folded.Via != null ? ", through " + folded.Via : string.Empty) + ")";
                        break;
                    default:
                        description = DescribeDuration(folded.Ticks) + (folded.Via != null ? " (through " + folded.Via + ")" : string.Empty)
                                      + ", above the " + settings.MaxSeconds.ToString(CultureInfo.InvariantCulture) + "-second maximum";
                        break;
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.CYB0005_InfiniteHttpTimeout,
                    value.Syntax.GetLocation(),
                    properties.ToImmutable(),
                    sink.Display,
                    description,
                    suggestion));
            }

            private string? NameOfWellKnownConstant(IOperation operation)
            {
                if (operation is IFieldReferenceOperation field)
                {
                    if (IsField(field.Field, _timeout, "Infinite"))
                    {
                        return "Timeout.Infinite";
                    }

                    if (field.Field.Name == "MaxValue" && field.Field.ContainingType?.SpecialType == SpecialType.System_Int32)
                    {
                        return "int.MaxValue";
                    }
                }

                return null;
            }

            private static bool IsField(IFieldSymbol field, INamedTypeSymbol? type, string name)
                => field.Name == name && field.IsStatic && SymbolEqualityComparer.Default.Equals(field.ContainingType, type);
        }

        private static IOperation? Unwrap(IOperation? operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        continue;
                    default:
                        return operation;
                }
            }
        }

        private static string? DescribeSymbol(IOperation operation)
        {
            switch (operation)
            {
                case ILocalReferenceOperation local:
                    return (local.Local.IsConst ? "constant '" : "local '") + local.Local.Name + "'";
                case IFieldReferenceOperation field:
                    return (field.Field.IsConst ? "constant '" : "field '") + field.Field.Name + "'";
                default:
                    return null;
            }
        }

        private static bool TryGetInteger(object? value, out long result)
        {
            switch (value)
            {
                case int i:
                    result = i;
                    return true;
                case long l:
                    result = l;
                    return true;
                case short s:
                    result = s;
                    return true;
                case uint u:
                    result = u;
                    return true;
                default:
                    result = 0;
                    return false;
            }
        }

        private static bool TryGetNumber(object? value, out double result)
        {
            switch (value)
            {
                case double d:
                    result = d;
                    return true;
                case float f:
                    result = f;
                    return true;
                case decimal m:
                    result = (double)m;
                    return true;
                default:
                    var integer = TryGetInteger(value, out var l);
                    result = l;
                    return integer;
            }
        }

        /// <summary>A duration for a message: whole seconds where possible (<c>600 seconds</c>), days for long ones.</summary>
        private static string DescribeDuration(long ticks)
        {
            var seconds = ticks / (TicksPerMillisecond * 1000.0);
            if (seconds >= 86400 * 2)
            {
                return (seconds / 86400).ToString("0.#", CultureInfo.InvariantCulture) + " days";
            }

            return seconds.ToString("0.###", CultureInfo.InvariantCulture) + " seconds";
        }
    }
}
