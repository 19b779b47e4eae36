"""Export an article's highlights and notes to Markdown (Jinja2 templates) or JSON-LD."""
