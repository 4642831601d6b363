-- journeys' language server for the .feature files of this project (docs/editors.md in journeys).
-- Neovim 0.8 or later reads this file when `exrc` is on (`:set exrc`, then `:trust` it once).
vim.api.nvim_create_autocmd("FileType", {
  pattern = "cucumber", -- Neovim's name for .feature files
  callback = function(args)
    local found = vim.fs.find({ "pyproject.toml", "pytest.ini", "steps" }, {
      upward = true,
      path = vim.fs.dirname(vim.api.nvim_buf_get_name(args.buf)),
    })
    vim.lsp.start({
      name = "journeys",
      cmd = { "journeys", "lsp" },
      root_dir = found[1] and vim.fs.dirname(found[1]) or vim.fn.getcwd(),
    })
  end,
})
