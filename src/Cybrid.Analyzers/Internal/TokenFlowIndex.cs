using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Cybrid.Analyzers.Internal
{
    /// <summary>
    /// CYB0002: the facts of one type's operation blocks that the token and request analyses look up, gathered in
    /// one walk: every value written to a local, parameter, field or property, to a member path below one
    /// (<c>client.DefaultRequestHeaders.Authorization</c>, <c>cfg.AccessToken</c>, <c>dict["customer_guid"]</c>),
    /// including object-initializer members and <c>Headers.Add("Authorization", …)</c>; the values each method
    /// returns; and the invocations (request candidates). The facts are flow-insensitive: a symbol's value is the
    /// join of every write, so two different writes make it unknown or conflicting, never a guess.
    /// </summary>
    internal sealed class TokenFlowIndex
    {
        /// <summary>The path of the value of a root itself (a local, a field, an object creation).</summary>
        public const string Self = "";

        private readonly Dictionary<RootPath, List<IOperation>> _writes = new Dictionary<RootPath, List<IOperation>>(RootPathComparer.Instance);
        private readonly Dictionary<ISymbol, List<IOperation>> _returns = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);
        private readonly List<IInvocationOperation> _invocations = new List<IInvocationOperation>();
        private readonly List<RootPath> _staticRoots = new List<RootPath>();

        public TokenFlowIndex(INamedTypeSymbol type)
        {
            Type = type;
        }

        public INamedTypeSymbol Type { get; }

        /// <summary>Every invocation of the indexed blocks, in source order within each block.</summary>
        public IReadOnlyList<IInvocationOperation> Invocations => _invocations;

        /// <summary>Adds one operation block (a method body, a field or property initializer) owned by <paramref name="owner"/>.</summary>
        public void AddBlock(IOperation root, ISymbol owner)
        {
            foreach (var operation in root.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator:
                        var initializer = declarator.GetVariableInitializer();
                        if (initializer != null)
                        {
                            Add(new RootPath(declarator.Symbol, Self), initializer.Value);
                        }

                        break;
                    case ISimpleAssignmentOperation assignment:
                        AddAssignment(assignment.Target, assignment.Value);
                        break;
                    case ICoalesceAssignmentOperation coalesce:
                        AddAssignment(coalesce.Target, coalesce.Value);
                        break;
                    case ICompoundAssignmentOperation compound:
                        AddAssignment(compound.Target, compound); // the result depends on the old value: unknown
                        break;
                    case IDeconstructionAssignmentOperation deconstruction when deconstruction.Target is ITupleOperation tuple:
                        foreach (var element in tuple.Elements)
                        {
                            AddAssignment(element, deconstruction);
                        }

                        break;
                    case IFieldInitializerOperation fieldInitializer:
                        foreach (var field in fieldInitializer.InitializedFields)
                        {
                            Add(new RootPath(field, Self), fieldInitializer.Value);
                        }

                        break;
                    case IPropertyInitializerOperation propertyInitializer:
                        foreach (var property in propertyInitializer.InitializedProperties)
                        {
                            Add(new RootPath(property, Self), propertyInitializer.Value);
                        }

                        break;
                    case IArgumentOperation { Parameter: { RefKind: RefKind.Ref or RefKind.Out } } byReference:
                        AddAssignment(byReference.Value, byReference); // written by the callee: unknown
                        break;
                    case IInvocationOperation invocation:
                        _invocations.Add(invocation);
                        AddInvocationWrite(invocation);
                        break;
                    case IReturnOperation { ReturnedValue: { } returned } ret when ret.Kind == OperationKind.Return:
                        var function = EnclosingFunction(ret, owner);
                        if (function != null)
                        {
                            if (!_returns.TryGetValue(function, out var list))
                            {
                                _returns[function] = list = new List<IOperation>();
                            }

                            list.Add(returned);
                        }

                        break;
                }
            }
        }

        /// <summary>Values written to <paramref name="root"/> itself (a local's, parameter's, field's or property's writes).</summary>
        public IReadOnlyList<IOperation> ValuesOf(ISymbol root) => WritesAt(new RootPath(root, Self));

        /// <summary>The values returned by a method or local function of the indexed blocks (empty when none are known).</summary>
        public IReadOnlyList<IOperation> ReturnsOf(ISymbol function)
            => _returns.TryGetValue(function, out var list) ? list : (IReadOnlyList<IOperation>)Array.Empty<IOperation>();

        /// <summary>True when the index holds a body for <paramref name="function"/> (it returned something or was indexed).</summary>
        public bool HasReturns(ISymbol function) => _returns.ContainsKey(function);

        /// <summary>
        /// Every value written at <paramref name="path"/> below <paramref name="root"/>, following the root's own values:
        /// an object creation contributes its initializer's writes, and a value that is itself a member path
        /// (<c>var headers = client.DefaultRequestHeaders</c>, <c>_http = http</c>) contributes the writes below it.
        /// </summary>
        public List<IOperation> ValuesAt(object root, string path)
        {
            var result = new List<IOperation>();
            CollectValuesAt(root, path, result, new HashSet<RootPath>(RootPathComparer.Instance), 0);
            return result;
        }

        /// <summary>Static roots with writes below them (<c>GlobalConfiguration.Instance</c>).</summary>
        public IReadOnlyList<RootPath> StaticRoots => _staticRoots;

        /// <summary>
        /// The root and member path of a reference: <c>client</c> → (client, ""), <c>_http.DefaultRequestHeaders</c> →
        /// (_http, "DefaultRequestHeaders"), <c>dict["k"]</c> → (dict, "[k]"), the implicit receiver of an object
        /// initializer → (the creation, path of the nested member initializer).
        /// </summary>
        public static bool TryGetRoot(IOperation? operation, out object root, out string path)
        {
            root = null!;
            path = Self;
            var depth = 0;
            var suffix = string.Empty;
            while (operation != null && depth++ < 16)
            {
                switch (operation)
                {
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        continue;
                    case ILocalReferenceOperation local:
                        root = local.Local;
                        path = suffix;
                        return true;
                    case IParameterReferenceOperation parameter:
                        root = parameter.Parameter;
                        path = suffix;
                        return true;
                    case IFieldReferenceOperation field:
                        if (IsOwnOrStatic(field.Instance) && !IsInherited(field.Field, field.Instance))
                        {
                            root = field.Field.OriginalDefinition;
                            path = suffix;
                            return true;
                        }

                        suffix = Combine(field.Field.Name, suffix);
                        operation = field.Instance;
                        continue;
                    case IPropertyReferenceOperation property:
                        string name;
                        if (property.Property.IsIndexer)
                        {
                            if (property.Arguments.Length != 1 || !ConstantStrings.TryFold(property.Arguments[0].Value, out var key))
                            {
                                return false;
                            }

                            name = "[" + key + "]";
                        }
                        else
                        {
                            name = property.Property.Name;
                            if (IsOwnOrStatic(property.Instance) && !IsInherited(property.Property, property.Instance))
                            {
                                root = property.Property.OriginalDefinition;
                                path = suffix;
                                return true;
                            }
                        }

                        suffix = Combine(name, suffix);
                        operation = property.Instance;
                        continue;
                    case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } receiver:
                        return TryGetImplicitReceiverRoot(receiver, suffix, out root, out path);
                    case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance, Type: INamedTypeSymbol self }:
                        // "this" (a class derived from HttpClient sending through itself, or writing its inherited headers)
                        root = self.OriginalDefinition;
                        path = suffix;
                        return true;
                    case IObjectCreationOperation:
                    case IAnonymousObjectCreationOperation:
                        root = operation;
                        path = suffix;
                        return true;
                    default:
                        return false;
                }
            }

            return false;
        }

        public static string Combine(string path, string suffix)
        {
            if (path.Length == 0)
            {
                return suffix;
            }

            if (suffix.Length == 0)
            {
                return path;
            }

            return suffix[0] == '[' ? path + suffix : path + "." + suffix;
        }

        /// <summary>The method, local function or lambda that contains <paramref name="operation"/> (the block root when none is nested).</summary>
        public static IOperation FunctionRoot(IOperation operation)
        {
            var current = operation;
            while (current.Parent != null)
            {
                if (current is IAnonymousFunctionOperation || current is ILocalFunctionOperation)
                {
                    return current;
                }

                current = current.Parent;
            }

            return current;
        }

        /// <summary>The root of the whole operation block containing <paramref name="operation"/>.</summary>
        public static IOperation BlockRoot(IOperation operation)
        {
            var current = operation;
            while (current.Parent != null)
            {
                current = current.Parent;
            }

            return current;
        }

        /// <summary>An instance member a base type declares, reached through <c>this</c>: it belongs to the object, rooted at its type.</summary>
        private static bool IsInherited(ISymbol member, IOperation? instance)
            => instance is IInstanceReferenceOperation { Type: INamedTypeSymbol self } && !member.IsStatic
               && !SymbolEqualityComparer.Default.Equals(member.ContainingType?.OriginalDefinition, self.OriginalDefinition);

        private static bool IsOwnOrStatic(IOperation? instance)
            => instance == null || instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };

        private static bool TryGetImplicitReceiverRoot(IInstanceReferenceOperation receiver, string suffix, out object root, out string path)
        {
            root = null!;
            path = Self;
            IOperation? current = receiver.Parent;
            while (current != null && !(current is IObjectOrCollectionInitializerOperation))
            {
                current = current.Parent;
            }

            switch (current?.Parent)
            {
                case IObjectCreationOperation creation:
                    root = creation;
                    path = suffix;
                    return true;
                case IAnonymousObjectCreationOperation anonymous:
                    root = anonymous;
                    path = suffix;
                    return true;
                case IMemberInitializerOperation member:
                    if (TryGetRoot(member.InitializedMember, out root, out var outer))
                    {
                        path = Combine(outer, suffix);
                        return true;
                    }

                    return false;
                default:
                    return false;
            }
        }

        private void AddAssignment(IOperation target, IOperation value)
        {
            if (TryGetRoot(target, out var root, out var path))
            {
                Add(new RootPath(root, path), value);
            }
        }

        /// <summary><c>x.Headers.Add("Authorization", v)</c>, <c>dict.Add("customer_guid", v)</c> and collection-initializer adds.</summary>
        private void AddInvocationWrite(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (invocation.Instance == null || invocation.Arguments.Length != 2
                || !(method.Name == "Add" || method.Name == "TryAdd" || method.Name == "TryAddWithoutValidation")
                || !ConstantStrings.TryFold(invocation.Arguments[0].Value, out var key)
                || !TryGetRoot(invocation.Instance, out var root, out var path))
            {
                return;
            }

            var member = string.Equals(key, "Authorization", StringComparison.OrdinalIgnoreCase) && IsHeaders(invocation.Instance.Type)
                ? "Authorization"
                : "[" + key + "]";
            Add(new RootPath(root, Combine(path, member)), invocation.Arguments[1].Value);
        }

        private static bool IsHeaders(ITypeSymbol? type)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                if (current.Name == "HttpHeaders" && current.ContainingNamespace is { Name: "Headers" })
                {
                    return true;
                }
            }

            return false;
        }

        private void Add(RootPath key, IOperation value)
        {
            if (!_writes.TryGetValue(key, out var list))
            {
                _writes[key] = list = new List<IOperation>();
                if (key.Root is ISymbol { IsStatic: true } && key.Path.Length > 0)
                {
                    _staticRoots.Add(key);
                }
            }

            list.Add(value);
        }

        private IReadOnlyList<IOperation> WritesAt(RootPath key)
            => _writes.TryGetValue(key, out var list) ? list : (IReadOnlyList<IOperation>)Array.Empty<IOperation>();

        private void CollectValuesAt(object root, string path, List<IOperation> result, HashSet<RootPath> visited, int depth)
        {
            var key = new RootPath(root, path);
            if (depth > 6 || !visited.Add(key))
            {
                return;
            }

            result.AddRange(WritesAt(key));
            if (path.Length == 0)
            {
                return;
            }

            // the root's own values: an initializer of the created object, or another root it aliases
            IReadOnlyList<IOperation> values = root is IOperation creation ? Array.Empty<IOperation>() : WritesAt(new RootPath(root, Self));
            foreach (var value in values)
            {
                var unwrapped = ConstantStrings.Unwrap(value);
                if (unwrapped is IObjectCreationOperation || unwrapped is IAnonymousObjectCreationOperation)
                {
                    CollectValuesAt(unwrapped, path, result, visited, depth + 1);
                }
                else if (TryGetRoot(unwrapped, out var aliased, out var prefix))
                {
                    CollectValuesAt(aliased, Combine(prefix, path), result, visited, depth + 1);
                }
            }

            // a path below a member of this root that a local aliases: var headers = client.DefaultRequestHeaders; headers.Authorization = …
            foreach (var entry in _writes)
            {
                if (entry.Key.Path.Length != 0 || !(entry.Key.Root is ILocalSymbol alias) || entry.Value.Count != 1
                    || !TryGetRoot(ConstantStrings.Unwrap(entry.Value[0]), out var aliasRoot, out var aliasPath)
                    || aliasPath.Length == 0 || !RootPathComparer.SameRoot(aliasRoot, root)
                    || !path.StartsWith(aliasPath, StringComparison.Ordinal) || path.Length <= aliasPath.Length
                    || (path[aliasPath.Length] != '.' && path[aliasPath.Length] != '['))
                {
                    continue;
                }

                var rest = path.Substring(aliasPath.Length);
                CollectValuesAt(alias, rest[0] == '.' ? rest.Substring(1) : rest, result, visited, depth + 1);
            }
        }

        private static ISymbol? EnclosingFunction(IOperation operation, ISymbol owner)
        {
            for (var current = operation.Parent; current != null; current = current.Parent)
            {
                switch (current)
                {
                    case IAnonymousFunctionOperation:
                        return null;
                    case ILocalFunctionOperation localFunction:
                        return localFunction.Symbol;
                }
            }

            return owner;
        }

        /// <summary>A root (symbol or object creation) and a member path below it.</summary>
        internal readonly struct RootPath
        {
            public RootPath(object root, string path)
            {
                Root = root;
                Path = path;
            }

            public object Root { get; }

            public string Path { get; }
        }

        private sealed class RootPathComparer : IEqualityComparer<RootPath>
        {
            public static readonly RootPathComparer Instance = new RootPathComparer();

            public static bool SameRoot(object x, object y)
                => x is ISymbol a && y is ISymbol b ? SymbolEqualityComparer.Default.Equals(a, b) : ReferenceEquals(x, y);

            public bool Equals(RootPath x, RootPath y) => string.Equals(x.Path, y.Path, StringComparison.Ordinal) && SameRoot(x.Root, y.Root);

            public int GetHashCode(RootPath obj)
                => (obj.Root is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Root))
                   ^ StringComparer.Ordinal.GetHashCode(obj.Path);
        }
    }
}
