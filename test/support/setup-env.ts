process.env['TZ'] = 'UTC';
