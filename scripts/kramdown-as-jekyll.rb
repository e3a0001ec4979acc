#!/usr/bin/env ruby
# frozen_string_literal: true
# Markdown on stdin -> HTML on stdout through Jekyll's own Markdown converter
# (Jekyll::Converters::Markdown with Jekyll's default configuration: kramdown,
# GFM input, auto ids, smart quotes, Rouge), optionally with a _config.yml-style
# file merged over the defaults. The oracle for test/markdown goldens.
# usage: ruby scripts/kramdown-as-jekyll.rb [CONFIG.yml] < in.md > out.html
require "jekyll"

Jekyll.logger.log_level = :error
Jekyll::Cache.disable_disk_cache!
user = ARGV[0] ? Jekyll::Configuration.new.read_config_file(ARGV[0]) : {}
converter = Jekyll::Converters::Markdown.new(Jekyll::Configuration.from(user))
source = $stdin.binmode.read.force_encoding(Encoding::UTF_8)
$stdout.binmode.write(converter.convert(source))
