using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Cybrid.Analyzers.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Cybrid.Analyzers.Rules
{
    /// <summary>
    /// CYB0006: a logging call (Microsoft.Extensions.Logging, [LoggerMessage], Console, Debug, Trace, Serilog, NLog,
    /// log4net) whose arguments carry a token or an Authorization header — directly, inside an interpolated string,
    /// a concatenation, <c>string.Format</c>, an anonymous object or an argument array, or through a local of the
    /// method. See docs/rules/CYB0006.md for what counts as a token and what does not.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SecretWrittenToLogAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: which fix applies (<see cref="RedactFix"/> or <see cref="RequestLineFix"/>); absent when none compiles.</summary>
        public const string FixProperty = "Fix";

        /// <summary>Replace the value with <see cref="Redacted"/> (or fold that text into an interpolated string).</summary>
        public const string RedactFix = "Redact";

        /// <summary>Replace a whole <c>HttpRequestMessage</c> with its method and URI.</summary>
        public const string RequestLineFix = "RequestLine";

        /// <summary>The placeholder the fix writes.</summary>
        public const string Redacted = "[REDACTED]";

        private const int MaxDepth = 24;
        private const int MaxLocalHops = 3;

        private static readonly ImmutableArray<OptionDefinition> Options =
            ImmutableArray.Create(CybridOptions.LogAdditionalSecretNames, CybridOptions.LogTreatTokenAsSecret);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.CYB0006_SecretWrittenToLog,
            Descriptors.CYB0000_InvalidOption);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None); // [LoggerMessage] output is generated
            context.RegisterCompilationStartAction(start =>
            {
                var sinks = new LoggingSinks(start.Compilation);
                if (!sinks.Any)
                {
                    return;
                }

                var state = new CompilationState(start.Compilation, sinks);
                start.RegisterSyntaxTreeAction(tree => CybridOptions.ReportInvalidValues(tree, Options));
                start.RegisterOperationAction(state.AnalyzeInvocation, OperationKind.Invocation);
            });
        }

        /// <summary>What was found in a logged value.</summary>
        private sealed class Finding
        {
            public Finding(string what, IOperation? request = null)
            {
                What = what;
                Request = request;
            }

            /// <summary>For the message: what the call writes, never the value itself.</summary>
            public string What { get; }

            /// <summary>The <c>HttpRequestMessage</c> expression when a whole request is logged.</summary>
            public IOperation? Request { get; }
        }

        private readonly struct Hit
        {
            public Hit(IOperation node, Finding finding, bool fits)
            {
                Node = node;
                Finding = finding;
                Fits = fits;
            }

            public IOperation Node { get; }

            public Finding Finding { get; }

            /// <summary>True when a string can stand in the node's place and still compile.</summary>
            public bool Fits { get; }
        }

        /// <summary>Where a value sits: whether a string can replace it, and whether the sink keeps it as a structured value.</summary>
        private readonly struct Slot
        {
            public Slot(bool fits, bool structured)
            {
                Fits = fits;
                Structured = structured;
            }

            public static Slot Text => new Slot(fits: true, structured: false);

            public bool Fits { get; }

            public bool Structured { get; }
        }

        private struct TemplateValue
        {
            public IOperation Value;
            public bool Found;
            public bool Fits;
        }

        private sealed class CompilationState
        {
            private readonly LoggingSinks _sinks;
            private readonly ParsedOptionsCache<LogSecretNames> _names = new ParsedOptionsCache<LogSecretNames>(
                o => new LogSecretNames(
                    CybridOptions.GetList(o, CybridOptions.LogAdditionalSecretNames),
                    CybridOptions.GetBoolean(o, CybridOptions.LogTreatTokenAsSecret, defaultValue: true)));

            public CompilationState(Compilation compilation, LoggingSinks sinks)
            {
                _sinks = sinks;
                IsTextLikeCheck = IsTextLike;
                var types = WellKnownTypes.GetOrCreate(compilation);
                HttpRequestMessage = types.Get(WellKnownTypeNames.HttpRequestMessage);
                HttpRequestHeaders = types.Get(WellKnownTypeNames.HttpRequestHeaders);
                HttpHeaders = types.Get(WellKnownTypeNames.HttpHeaders);
                AuthenticationHeaderValue = types.Get(WellKnownTypeNames.AuthenticationHeaderValue);
                HeaderDictionary = types.Get("Microsoft.AspNetCore.Http.IHeaderDictionary");
                HttpResponse = types.Get("Microsoft.AspNetCore.Http.HttpResponse");
                StringValues = types.Get("Microsoft.Extensions.Primitives.StringValues");
                StringBuilder = types.Get("System.Text.StringBuilder");
                CancellationToken = types.Get("System.Threading.CancellationToken");
                DateTimeOffset = types.Get("System.DateTimeOffset");
                TimeSpan = types.Get("System.TimeSpan");
                Guid = types.Get("System.Guid");
                Span = types.Get("System.Span`1");
                ReadOnlySpan = types.Get("System.ReadOnlySpan`1");
                Memory = types.Get("System.Memory`1");
                ReadOnlyMemory = types.Get("System.ReadOnlyMemory`1");
            }

            /// <summary><see cref="IsTextLike"/> as a delegate, created once.</summary>
            public Func<ITypeSymbol, bool> IsTextLikeCheck { get; }

            public INamedTypeSymbol? HttpRequestMessage { get; }

            public INamedTypeSymbol? HttpRequestHeaders { get; }

            public INamedTypeSymbol? HttpHeaders { get; }

            public INamedTypeSymbol? AuthenticationHeaderValue { get; }

            public INamedTypeSymbol? HeaderDictionary { get; }

            public INamedTypeSymbol? HttpResponse { get; }

            public INamedTypeSymbol? StringValues { get; }

            public INamedTypeSymbol? StringBuilder { get; }

            public INamedTypeSymbol? CancellationToken { get; }

            public INamedTypeSymbol? DateTimeOffset { get; }

            public INamedTypeSymbol? TimeSpan { get; }

            public INamedTypeSymbol? Guid { get; }

            public INamedTypeSymbol? Span { get; }

            public INamedTypeSymbol? ReadOnlySpan { get; }

            public INamedTypeSymbol? Memory { get; }

            public INamedTypeSymbol? ReadOnlyMemory { get; }

            public void AnalyzeInvocation(OperationAnalysisContext context)
            {
                var invocation = (IInvocationOperation)context.Operation;
                if (!_sinks.TryIdentify(invocation, out var sink))
                {
                    return;
                }

                var names = _names.Get(context.Options, invocation.Syntax.SyntaxTree);
                var walker = new Walker(this, names, probe: false, localHops: 0);
                walker.ScanCall(invocation, sink);
                foreach (var hit in walker.Hits)
                {
                    context.ReportDiagnostic(CreateDiagnostic(hit, sink));
                }
            }

            private static Diagnostic CreateDiagnostic(Hit hit, LogSink sink)
            {
                var request = hit.Finding.Request;
                string? fix = null;
                if (hit.Fits)
                {
                    fix = request != null && IsSimpleChain(request) ? RequestLineFix : RedactFix;
                }

                var properties = fix == null
                    ? ImmutableDictionary<string, string?>.Empty
                    : ImmutableDictionary<string, string?>.Empty.Add(FixProperty, fix);
                var remedy = request != null ? "log its Method and RequestUri instead" : "replace it with \"" + Redacted + "\"";
                return Diagnostic.Create(
                    Descriptors.CYB0006_SecretWrittenToLog,
                    hit.Node.Syntax.GetLocation(),
                    properties,
                    sink.Display,
                    hit.Finding.What,
                    remedy);
            }

            /// <summary><c>request</c>, <c>this.request</c>, <c>context.Request</c>: cheap to read twice, no side effects.</summary>
            private static bool IsSimpleChain(IOperation operation)
            {
                for (var depth = 0; depth < 8; depth++)
                {
                    switch (operation)
                    {
                        case ILocalReferenceOperation _:
                        case IParameterReferenceOperation _:
                        case IInstanceReferenceOperation _:
                            return true;
                        case IFieldReferenceOperation field:
                            if (field.Instance == null || field.Instance.IsImplicit)
                            {
                                return true;
                            }

                            operation = field.Instance;
                            continue;
                        case IPropertyReferenceOperation property when property.Arguments.IsEmpty:
                            if (property.Instance == null || property.Instance.IsImplicit)
                            {
                                return true;
                            }

                            operation = property.Instance;
                            continue;
                        default:
                            return false;
                    }
                }

                return false;
            }

            public bool Is(ITypeSymbol? type, INamedTypeSymbol? expected)
                => expected != null && type != null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);

            public bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? expected)
            {
                if (expected == null)
                {
                    return false;
                }

                for (var current = type; current != null; current = current.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, expected))
                    {
                        return true;
                    }
                }

                return false;
            }

            public bool IsOrImplements(ITypeSymbol? type, INamedTypeSymbol? expected)
            {
                if (expected == null || type == null)
                {
                    return false;
                }

                if (Is(type, expected))
                {
                    return true;
                }

                foreach (var implemented in type.AllInterfaces)
                {
                    if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, expected))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>Types that can hold a secret's text: string, object, char/byte arrays, StringValues, StringBuilder, spans, string collections.</summary>
            public bool IsTextLike(ITypeSymbol? type)
            {
                if (type == null)
                {
                    return false;
                }

                if (type.SpecialType == SpecialType.System_String || type.SpecialType == SpecialType.System_Object || type.TypeKind == TypeKind.Dynamic)
                {
                    return true;
                }

                if (type is IArrayTypeSymbol array)
                {
                    var element = array.ElementType.SpecialType;
                    return element == SpecialType.System_String || element == SpecialType.System_Char || element == SpecialType.System_Byte;
                }

                if (!(type is INamedTypeSymbol named))
                {
                    return false;
                }

                if (named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T && named.TypeArguments.Length == 1)
                {
                    return IsTextLike(named.TypeArguments[0]);
                }

                if (Is(named, StringBuilder) || Is(named, StringValues))
                {
                    return true;
                }

                if (!named.IsGenericType || named.TypeArguments.Length != 1)
                {
                    return false;
                }

                var argument = named.TypeArguments[0];
                if (argument.SpecialType == SpecialType.System_Char)
                {
                    return Is(named, Span) || Is(named, ReadOnlySpan) || Is(named, Memory) || Is(named, ReadOnlyMemory);
                }

                return argument.SpecialType == SpecialType.System_String && IsInNamespace(named, "System", "Collections", "Generic");
            }

            /// <summary>Types that describe a secret without holding it: bool, numbers, enums, dates, durations, GUIDs, CancellationToken.</summary>
            public bool IsMetadata(ITypeSymbol? type)
            {
                if (type == null)
                {
                    return false;
                }

                switch (type.SpecialType)
                {
                    case SpecialType.System_Boolean:
                    case SpecialType.System_Char:
                    case SpecialType.System_SByte:
                    case SpecialType.System_Byte:
                    case SpecialType.System_Int16:
                    case SpecialType.System_UInt16:
                    case SpecialType.System_Int32:
                    case SpecialType.System_UInt32:
                    case SpecialType.System_Int64:
                    case SpecialType.System_UInt64:
                    case SpecialType.System_Decimal:
                    case SpecialType.System_Single:
                    case SpecialType.System_Double:
                    case SpecialType.System_IntPtr:
                    case SpecialType.System_UIntPtr:
                    case SpecialType.System_DateTime:
                    case SpecialType.System_Void:
                        return true;
                }

                if (type.TypeKind == TypeKind.Enum)
                {
                    return true;
                }

                if (type is INamedTypeSymbol named && named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T && named.TypeArguments.Length == 1)
                {
                    return IsMetadata(named.TypeArguments[0]);
                }

                return Is(type, DateTimeOffset) || Is(type, TimeSpan) || Is(type, Guid) || Is(type, CancellationToken);
            }

            private static bool IsInNamespace(INamedTypeSymbol type, string first, string second, string third)
            {
                var ns = type.ContainingNamespace;
                return ns != null && ns.Name == third
                       && ns.ContainingNamespace is { Name: var s } middle && s == second
                       && middle.ContainingNamespace is { Name: var f } outer && f == first
                       && outer.ContainingNamespace is { IsGlobalNamespace: true };
            }
        }

        /// <summary>
        /// Walks one logged value (or, in probe mode, one value that may reach a log through a local or a method call)
        /// and records where a token or an Authorization header sits in it.
        /// </summary>
        private sealed class Walker
        {
            private readonly CompilationState _state;
            private readonly LogSecretNames _names;
            private readonly bool _probe;
            private readonly int _localHops;
            private int _depth;

            public Walker(CompilationState state, LogSecretNames names, bool probe, int localHops)
            {
                _state = state;
                _names = names;
                _probe = probe;
                _localHops = localHops;
            }

            public List<Hit> Hits { get; } = new List<Hit>();

            private bool Done => _probe && Hits.Count > 0;

            public void ScanCall(IInvocationOperation invocation, LogSink sink)
            {
                var method = invocation.TargetMethod;
                string? template = null;
                List<TemplateValue>? templateValues = null;
                foreach (var argument in invocation.Arguments)
                {
                    var parameter = argument.Parameter;
                    if (parameter == null || argument.ArgumentKind == ArgumentKind.DefaultValue
                        || (method.IsExtensionMethod && parameter.Ordinal == 0))
                    {
                        continue; // the logger itself, or an argument the caller did not write
                    }

                    if (templateValues == null && IsTemplateParameter(sink, parameter))
                    {
                        if (ConstantStrings.TryFold(argument.Value, out var text))
                        {
                            template = IsPropertyNameParameter(parameter) ? "{" + text + "}" : text;
                            templateValues = new List<TemplateValue>();
                            continue;
                        }
                    }

                    if (parameter.IsParams && ConstantStrings.Unwrap(argument.Value) is IArrayCreationOperation { Initializer: { } initializer } array)
                    {
                        var elementFits = ElementFits(array.Type);
                        foreach (var element in initializer.ElementValues)
                        {
                            var foundElement = Visit(element, new Slot(elementFits, sink.IsStructured));
                            templateValues?.Add(new TemplateValue { Value = element, Found = foundElement, Fits = elementFits });
                        }

                        continue;
                    }

                    var fits = ParameterFits(parameter, method, sink);
                    var found = Visit(argument.Value, new Slot(fits, sink.IsStructured));
                    templateValues?.Add(new TemplateValue { Value = argument.Value, Found = found, Fits = fits });
                    if (!found && sink.Family == LogSinkFamily.LoggerMessage && _names.IsSecret(parameter.Name))
                    {
                        ReportByName(argument.Value, "a value for the parameter '" + parameter.Name + "'", fits);
                    }
                }

                if (template != null && templateValues != null && templateValues.Count > 0)
                {
                    CheckPlaceholders(template, templateValues);
                }
            }

            /// <summary>Follows the value into its parts; true when a token or header was found (and recorded).</summary>
            public bool Visit(IOperation? operation, Slot slot)
            {
                var inner = ConstantStrings.Unwrap(operation);
                if (inner == null || inner.ConstantValue.HasValue || Done || _state.IsMetadata(inner.Type) || _depth > MaxDepth)
                {
                    return false;
                }

                if (TryClassify(inner, slot.Structured, out var finding))
                {
                    Hits.Add(new Hit(inner, finding, slot.Fits));
                    return true;
                }

                _depth++;
                try
                {
                    return VisitParts(inner, slot);
                }
                finally
                {
                    _depth--;
                }
            }

            private bool VisitParts(IOperation inner, Slot slot)
            {
                var found = false;
                switch (inner)
                {
                    case IInterpolatedStringOperation interpolated:
                        foreach (var part in interpolated.Parts)
                        {
                            if (part is IInterpolationOperation hole)
                            {
                                found |= Visit(hole.Expression, Slot.Text);
                            }
                            else if (part is IInterpolatedStringAppendOperation { Kind: OperationKind.InterpolatedStringAppendFormatted, AppendCall: IInvocationOperation append }
                                     && append.Arguments.Length > 0)
                            {
                                found |= Visit(append.Arguments[0].Value, Slot.Text);
                            }
                        }

                        return found;
                    case IInterpolatedStringHandlerCreationOperation handler:
                        return Visit(handler.Content, Slot.Text);
                    case IInterpolatedStringAdditionOperation addition:
                        found |= Visit(addition.Left, Slot.Text);
                        found |= Visit(addition.Right, Slot.Text);
                        return found;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                        found |= Visit(binary.LeftOperand, Slot.Text);
                        found |= Visit(binary.RightOperand, Slot.Text);
                        return found;
                    case IInvocationOperation call when IsStringComposition(call.TargetMethod):
                        foreach (var argument in call.Arguments)
                        {
                            if (argument.Parameter != null && argument.Parameter.IsParams
                                && ConstantStrings.Unwrap(argument.Value) is IArrayCreationOperation { Initializer: { } items })
                            {
                                foreach (var item in items.ElementValues)
                                {
                                    found |= Visit(item, Slot.Text);
                                }
                            }
                            else
                            {
                                found |= Visit(argument.Value, Slot.Text);
                            }
                        }

                        return found;
                    case IConditionalOperation conditional:
                        var branchFits = slot.Fits && IsStringOrObject(conditional.Type);
                        found |= Visit(conditional.WhenTrue, new Slot(branchFits, slot.Structured));
                        found |= Visit(conditional.WhenFalse, new Slot(branchFits, slot.Structured));
                        return found;
                    case ICoalesceOperation coalesce:
                        var coalesceFits = slot.Fits && IsStringOrObject(coalesce.Type);
                        found |= Visit(coalesce.Value, new Slot(coalesceFits, slot.Structured));
                        found |= Visit(coalesce.WhenNull, new Slot(coalesceFits, slot.Structured));
                        return found;
                    case IArrayCreationOperation { Initializer: { } initializer } array:
                        var elementFits = ElementFits(array.Type);
                        foreach (var element in initializer.ElementValues)
                        {
                            found |= Visit(element, new Slot(elementFits, slot.Structured));
                        }

                        return found;
                    case IAnonymousObjectCreationOperation anonymous:
                        foreach (var initializer in anonymous.Initializers)
                        {
                            if (initializer is ISimpleAssignmentOperation member)
                            {
                                found |= Visit(member.Value, new Slot(true, slot.Structured));
                            }
                        }

                        return found;
                    case IObjectCreationOperation creation:
                        foreach (var argument in creation.Arguments)
                        {
                            var fits = argument.Parameter != null && IsStringOrObject(argument.Parameter.Type);
                            found |= Visit(argument.Value, new Slot(fits, slot.Structured));
                        }

                        if (creation.Initializer != null)
                        {
                            foreach (var initializer in creation.Initializer.Initializers)
                            {
                                switch (initializer)
                                {
                                    case ISimpleAssignmentOperation member:
                                        found |= Visit(member.Value, new Slot(IsStringOrObject(member.Target.Type), slot.Structured));
                                        break;
                                    case IInvocationOperation add:
                                        foreach (var argument in add.Arguments)
                                        {
                                            var fits = argument.Parameter != null && IsStringOrObject(argument.Parameter.Type);
                                            found |= Visit(argument.Value, new Slot(fits, slot.Structured));
                                        }

                                        break;
                                }
                            }
                        }

                        return found;
                    case ITupleOperation tuple:
                        foreach (var element in tuple.Elements)
                        {
                            found |= Visit(element, new Slot(false, slot.Structured));
                        }

                        return found;
                    default:
                        return false;
                }
            }

            private bool TryClassify(IOperation inner, bool structured, out Finding finding)
            {
                finding = null!;
                var type = inner.Type;
                if (_state.DerivesFrom(type, _state.HttpRequestMessage))
                {
                    finding = new Finding("a whole HttpRequestMessage (its ToString() prints every header)", inner);
                    return true;
                }

                if (_state.Is(type, _state.HttpRequestHeaders)
                    || (_state.Is(type, _state.HttpHeaders) && !(inner is ILocalReferenceOperation)))
                {
                    finding = new Finding("a whole header collection (" + type!.Name + ", which holds Authorization)");
                    return true;
                }

                // a local typed HttpHeaders or IHeaderDictionary may hold response headers: its assignments decide
                if (_state.IsOrImplements(type, _state.HeaderDictionary) && !IsResponseHeaders(inner) && !(inner is ILocalReferenceOperation))
                {
                    finding = new Finding("a whole header collection (IHeaderDictionary, which holds Authorization)");
                    return true;
                }

                if (_state.Is(type, _state.AuthenticationHeaderValue))
                {
                    finding = inner is IPropertyReferenceOperation { Property.Name: "Authorization" }
                        ? new Finding("the Authorization header (Headers.Authorization)")
                        : new Finding("an Authorization header value (AuthenticationHeaderValue)");
                    return true;
                }

                switch (inner)
                {
                    case ILocalReferenceOperation local:
                        if (IsSecretSymbol(local.Local.Name, local.Local.Type))
                        {
                            finding = Named(local.Local.Name);
                            return true;
                        }

                        if (TryTrackLocal(local, out var held))
                        {
                            finding = new Finding("'" + local.Local.Name + "', which holds " + held.What);
                            return true;
                        }

                        break;
                    case IParameterReferenceOperation parameter when IsSecretSymbol(parameter.Parameter.Name, parameter.Parameter.Type):
                        finding = Named(parameter.Parameter.Name);
                        return true;
                    case IFieldReferenceOperation field when TryClassifyMember(field.Field, field.Type, out finding):
                        return true;
                    case IPropertyReferenceOperation property:
                        if (property.Property.IsIndexer)
                        {
                            if (property.Arguments.Length == 1 && TryKey(property.Arguments[0].Value, out var key) && _names.IsSensitiveKey(key))
                            {
                                finding = KeyFinding(key);
                                return true;
                            }

                            break;
                        }

                        if (property.Property.Name == "Parameter" && _state.Is(property.Property.ContainingType, _state.AuthenticationHeaderValue))
                        {
                            finding = new Finding("the credential of an Authorization header (AuthenticationHeaderValue.Parameter)");
                            return true;
                        }

                        if (TryClassifyMember(property.Property, property.Type, out finding))
                        {
                            return true;
                        }

                        if (property.Property.Name == "Value" && property.Instance != null && _state.IsTextLike(property.Type)
                            && Probe(Receiver(property.Instance), structured: false, out held))
                        {
                            finding = new Finding(held.What);
                            return true;
                        }

                        break;
                    case IInvocationOperation call when TryClassifyCall(call, out finding):
                        return true;
                    case IConditionalAccessOperation conditional:
                        var whenNotNull = ConstantStrings.Unwrap(conditional.WhenNotNull);
                        if (whenNotNull != null && !_state.IsMetadata(whenNotNull.Type) && TryClassify(whenNotNull, structured, out finding))
                        {
                            finding = new Finding(finding.What); // a?.b is not a simple chain: the request fix does not apply
                            return true;
                        }

                        break;
                }

                // an anonymous object is looked into member by member instead (VisitParts), so the fix can be precise
                if (type != null && !type.IsAnonymousType && (structured || type.IsRecord) && _names.TokenMemberOf(type, _state.IsTextLikeCheck) is { } member)
                {
                    finding = new Finding("a whole '" + type.Name + "' object, which carries '" + member + "'");
                    return true;
                }

                return false;
            }

            private bool TryClassifyMember(ISymbol member, ITypeSymbol? type, out Finding finding)
            {
                finding = null!;
                if (!_state.IsTextLike(type))
                {
                    return false;
                }

                if (_names.IsSecret(member.Name))
                {
                    finding = Named(member.Name);
                    return true;
                }

                var serialized = LogSecretNames.SerializedName(member);
                if (serialized != null && _names.IsSecret(serialized))
                {
                    finding = new Finding("'" + member.Name + "', serialized as '" + serialized + "'");
                    return true;
                }

                return false;
            }

            private bool TryClassifyCall(IInvocationOperation call, out Finding finding)
            {
                finding = null!;
                var method = call.TargetMethod;
                if (LogSecretNames.IsMaskingMethod(method.Name))
                {
                    return false;
                }

                switch (method.Name)
                {
                    // headers.GetValues("Authorization"), configuration.GetValue<string>("Cybrid:ClientSecret"),
                    // Environment.GetEnvironmentVariable("CYBRID_CLIENT_SECRET"), json.GetProperty("access_token")
                    case "GetValues":
                    case "GetValue":
                    case "GetEnvironmentVariable":
                    case "GetProperty":
                    case "GetSection":
                        foreach (var argument in call.Arguments)
                        {
                            if (TryKey(argument.Value, out var key))
                            {
                                if (_names.IsSensitiveKey(key))
                                {
                                    finding = KeyFinding(key);
                                    return true;
                                }

                                break;
                            }
                        }

                        break;
                }

                if (!IsPassThrough(method) || !_state.IsTextLike(call.Type) && !IsJsonValue(call.Type))
                {
                    return false;
                }

                var receiver = method.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : call.Instance;
                if (receiver != null && Probe(Receiver(receiver), structured: false, out var held))
                {
                    finding = new Finding(held.What, method.Name == "ToString" && held.Request != null ? ConstantStrings.Unwrap(receiver) : null);
                    return true;
                }

                if (IsEncoding(method))
                {
                    // a serializer writes every property of the object it is given, as a structured sink would
                    var serializes = method.Name == "Serialize" || method.Name == "SerializeObject";
                    foreach (var argument in call.Arguments)
                    {
                        if (Probe(argument.Value, structured: serializes, out held))
                        {
                            finding = new Finding(held.What);
                            return true;
                        }
                    }
                }

                return false;
            }

            private bool TryTrackLocal(ILocalReferenceOperation reference, out Finding finding)
            {
                finding = null!;
                if (_localHops >= MaxLocalHops)
                {
                    return false;
                }

                var root = (IOperation)reference;
                while (root.Parent != null)
                {
                    root = root.Parent;
                }

                var local = reference.Local;
                var pending = new Stack<IOperation>();
                pending.Push(root);
                while (pending.Count > 0)
                {
                    var operation = pending.Pop();
                    IOperation? assigned = null;
                    switch (operation)
                    {
                        case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                            assigned = declarator.Initializer?.Value;
                            break;
                        case IAssignmentOperation assignment when assignment.Target is ILocalReferenceOperation target
                                                                  && SymbolEqualityComparer.Default.Equals(target.Local, local):
                            assigned = assignment.Value;
                            break;
                        case IForEachLoopOperation loop when Declares(loop.Locals, local):
                            assigned = loop.Collection;
                            break;
                        case IArgumentOperation { Parameter.RefKind: RefKind.Out } output when IsLocal(output.Value, local)
                                                                                             && output.Parent is IInvocationOperation lookup:
                            // headers.TryGetValues("Authorization", out var values) / Request.Headers.TryGetValue("Authorization", out var header)
                            foreach (var argument in lookup.Arguments)
                            {
                                if (TryKey(argument.Value, out var key))
                                {
                                    if (_names.IsSensitiveKey(key))
                                    {
                                        finding = KeyFinding(key);
                                        return true;
                                    }

                                    break;
                                }
                            }

                            break;
                    }

                    if (assigned != null && !ReferenceEquals(assigned, reference))
                    {
                        var nested = new Walker(_state, _names, probe: true, localHops: _localHops + 1);
                        if (nested.Visit(assigned, new Slot(false, structured: false)))
                        {
                            finding = nested.Hits[0].Finding;
                            return true;
                        }
                    }

                    foreach (var child in operation.ChildOperations)
                    {
                        pending.Push(child);
                    }
                }

                return false;
            }

            private bool Probe(IOperation? operation, bool structured, out Finding finding)
            {
                var nested = new Walker(_state, _names, probe: true, localHops: _localHops) { _depth = _depth + 1 };
                if (nested.Visit(operation, new Slot(false, structured)))
                {
                    finding = nested.Hits[0].Finding;
                    return true;
                }

                finding = null!;
                return false;
            }

            private void CheckPlaceholders(string template, List<TemplateValue> values)
            {
                var position = 0;
                for (var i = 0; i < template.Length; i++)
                {
                    if (template[i] != '{')
                    {
                        continue;
                    }

                    if (i + 1 < template.Length && template[i + 1] == '{')
                    {
                        i++;
                        continue;
                    }

                    var close = template.IndexOf('}', i + 1);
                    if (close < 0)
                    {
                        return;
                    }

                    var start = i + 1;
                    if (start < close && (template[start] == '@' || template[start] == '$'))
                    {
                        start++;
                    }

                    var end = start;
                    while (end < close && template[end] != ',' && template[end] != ':')
                    {
                        end++;
                    }

                    var name = template.Substring(start, end - start).Trim();
                    var index = int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : position;
                    position++;
                    i = close;
                    if (index >= values.Count || values[index].Found || !_names.IsSecret(name))
                    {
                        continue;
                    }

                    var value = values[index];
                    value.Found = ReportByName(value.Value, "a value logged as '" + name + "'", value.Fits);
                    values[index] = value;
                }
            }

            /// <summary>Records a value whose only evidence is the name it is logged under (a placeholder or parameter).</summary>
            private bool ReportByName(IOperation value, string what, bool fits)
            {
                var inner = ConstantStrings.Unwrap(value);
                if (inner == null || inner.ConstantValue.HasValue || !_state.IsTextLike(inner.Type)
                    || (inner is IInvocationOperation call && LogSecretNames.IsMaskingMethod(call.TargetMethod.Name)))
                {
                    return false;
                }

                Hits.Add(new Hit(inner, new Finding(what), fits));
                return true;
            }

            private bool IsSecretSymbol(string name, ITypeSymbol? type) => _state.IsTextLike(type) && _names.IsSecret(name);

            private static Finding Named(string name) => new Finding("'" + name + "' (named like a token or secret)");

            private static Finding KeyFinding(string key)
                => LogSecretNames.IsAuthorizationHeaderName(key)
                    ? new Finding("the '" + key + "' header")
                    : new Finding("the value of '" + key + "'");

            private bool IsResponseHeaders(IOperation operation)
                => operation is IPropertyReferenceOperation { Property.Name: "Headers", Instance: { } instance }
                   && _state.DerivesFrom(instance.Type, _state.HttpResponse);

            private static bool TryKey(IOperation value, out string key)
            {
                var inner = ConstantStrings.Unwrap(value);
                if (inner != null && inner.Type?.SpecialType == SpecialType.System_String && inner.ConstantValue.HasValue && inner.ConstantValue.Value is string text)
                {
                    key = text;
                    return true;
                }

                key = string.Empty;
                return false;
            }

            private static bool IsLocal(IOperation value, ILocalSymbol local)
            {
                var inner = ConstantStrings.Unwrap(value);
                if (inner is IDeclarationExpressionOperation declaration)
                {
                    inner = declaration.Expression;
                }

                return inner is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local);
            }

            private static bool Declares(ImmutableArray<ILocalSymbol> locals, ILocalSymbol local)
            {
                foreach (var candidate in locals)
                {
                    if (SymbolEqualityComparer.Default.Equals(candidate, local))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>The value a member is read from; for <c>a?.b</c>, <c>a</c>.</summary>
            private static IOperation? Receiver(IOperation operation)
            {
                if (!(ConstantStrings.Unwrap(operation) is IConditionalAccessInstanceOperation instance))
                {
                    return operation;
                }

                for (var parent = instance.Parent; parent != null; parent = parent.Parent)
                {
                    if (parent is IConditionalAccessOperation conditional)
                    {
                        return conditional.Operation;
                    }
                }

                return null;
            }

            /// <summary>Methods whose result still holds the receiver's text (a copy, a recoding, an element).</summary>
            private static bool IsPassThrough(IMethodSymbol method)
            {
                switch (method.Name)
                {
                    case "ToString":
                    case "GetString":
                    case "GetRawText":
                    case "Trim":
                    case "TrimStart":
                    case "TrimEnd":
                    case "ToUpper":
                    case "ToUpperInvariant":
                    case "ToLower":
                    case "ToLowerInvariant":
                    case "Replace":
                    case "PadLeft":
                    case "PadRight":
                    case "Normalize":
                    case "Insert":
                    case "Split":
                    case "ToCharArray":
                    case "ToArray":
                    case "ToList":
                    case "First":
                    case "FirstOrDefault":
                    case "Single":
                    case "SingleOrDefault":
                    case "Last":
                    case "LastOrDefault":
                    case "ElementAt":
                    case "AsSpan":
                    case "AsMemory":
                    case "ToBase64String":
                    case "GetBytes":
                    case "EscapeDataString":
                    case "UrlEncode":
                    case "Serialize":
                    case "SerializeObject":
                        return true;
                    default:
                        return false;
                }
            }

            /// <summary>Static recoders that take the secret as an argument: <c>Convert.ToBase64String(bytes)</c>, <c>JsonSerializer.Serialize(dto)</c>.</summary>
            private static bool IsEncoding(IMethodSymbol method)
            {
                if (method.ContainingType == null)
                {
                    return false;
                }

                var ns = method.ContainingType.ContainingNamespace;
                while (ns != null && ns.ContainingNamespace != null && !ns.ContainingNamespace.IsGlobalNamespace)
                {
                    ns = ns.ContainingNamespace;
                }

                return ns != null && (ns.Name == "System" || ns.Name == "Newtonsoft");
            }

            /// <summary><c>string.Format</c>, <c>string.Concat</c>, <c>string.Join</c>: the arguments end up in the text.</summary>
            private static bool IsStringComposition(IMethodSymbol method)
                => method.ContainingType?.SpecialType == SpecialType.System_String
                   && (method.Name == "Format" || method.Name == "Concat" || method.Name == "Join");

            private static bool IsJsonValue(ITypeSymbol? type) => type != null && type.Name == "JsonElement";

            private static bool IsStringOrObject(ITypeSymbol? type)
                => type != null && (type.SpecialType == SpecialType.System_String || type.SpecialType == SpecialType.System_Object);

            private static bool ElementFits(ITypeSymbol? arrayType)
                => arrayType is IArrayTypeSymbol array && IsStringOrObject(array.ElementType);

            private static bool IsTemplateParameter(LogSink sink, IParameterSymbol parameter)
            {
                if (parameter.Type.SpecialType != SpecialType.System_String)
                {
                    return false;
                }

                if (sink.HasMessageTemplate)
                {
                    switch (parameter.Name)
                    {
                        case "message":
                        case "messageTemplate":
                        case "messageFormat":
                        case "format":
                            return true;
                    }
                }

                return sink.Family == LogSinkFamily.Serilog && IsPropertyNameParameter(parameter);
            }

            /// <summary>Serilog's <c>ForContext(propertyName, value)</c> and <c>LogContext.PushProperty(name, value)</c>.</summary>
            private static bool IsPropertyNameParameter(IParameterSymbol parameter)
                => parameter.Name == "propertyName" || parameter.Name == "name";

            /// <summary>Whether <c>"[REDACTED]"</c> can replace the argument for <paramref name="parameter"/> and still compile.</summary>
            private static bool ParameterFits(IParameterSymbol parameter, IMethodSymbol method, LogSink sink)
            {
                if (sink.Family == LogSinkFamily.Console || sink.Family == LogSinkFamily.DebugTrace)
                {
                    return true; // every Write* has a string overload
                }

                var type = parameter.Type;
                if (IsStringOrObject(type))
                {
                    return true;
                }

                var original = parameter.OriginalDefinition;
                if (original.Type is ITypeParameterSymbol typeParameter && typeParameter.TypeParameterKind == TypeParameterKind.Method)
                {
                    // Log<TState>(…, TState state, …, Func<TState, Exception, string> formatter): a string state would
                    // not fit the formatter the caller wrote
                    foreach (var other in method.OriginalDefinition.Parameters)
                    {
                        if (other.Ordinal != original.Ordinal && Mentions(other.Type, typeParameter))
                        {
                            return false;
                        }
                    }

                    return true;
                }

                return false;
            }

            private static bool Mentions(ITypeSymbol type, ITypeParameterSymbol typeParameter)
            {
                if (SymbolEqualityComparer.Default.Equals(type, typeParameter))
                {
                    return true;
                }

                if (type is INamedTypeSymbol named)
                {
                    foreach (var argument in named.TypeArguments)
                    {
                        if (Mentions(argument, typeParameter))
                        {
                            return true;
                        }
                    }
                }

                return type is IArrayTypeSymbol array && Mentions(array.ElementType, typeParameter);
            }
        }
    }
}
