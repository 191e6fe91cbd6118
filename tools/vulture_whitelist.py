"""Names vulture reports as unused that Sphinx or docutils read by name.

``make lint`` runs vulture over the package and this file; mentioning a name
here marks it as used.  Add a name only when a framework reads it (a
directive's or transform's class attribute, a domain or event hook); a name
nothing reads is dead code: remove it instead.
"""

# ruff: noqa: B018, F821
# mypy: ignore-errors

# docutils directives: the argument and content rules
_.required_arguments
_.optional_arguments
_.final_argument_whitespace
_.has_content

# Sphinx transforms and post-transforms: when and for which builders
_.default_priority
_.formats

# Sphinx domains: stored data and the hooks Sphinx calls
_.initial_data
_.clear_doc
_.merge_domaindata
_.resolve_any_xref

# Sphinx events pass every argument by position; a handler names them all
templatename

# Sphinx transforms: the method Sphinx calls
_.apply

# decimal contexts: the precision decimal reads
_.prec

# cli/mdx/convert.py dispatches each event to the method named after its kind
_._markdown
_._heading
_._esm
_._expression
_._error
_._container
_._table
_._tag

# sphinx.addnodes.translatable: the methods Sphinx's i18n transforms call
_.preserve_original_messages
_.apply_translated_message
_.extract_original_messages
