import { MigrationInterface, QueryRunner } from 'typeorm';

export class Imports1796113149216 implements MigrationInterface {
  name = 'Imports1796113149216';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`registry_import\` (\`id\` varchar(36) NOT NULL, \`county_id\` varchar(6) NOT NULL, \`kind\` varchar(20) NOT NULL, \`status\` varchar(10) NOT NULL, \`format\` varchar(6) NOT NULL, \`file_name\` varchar(255) NULL, \`charset\` varchar(20) NULL, \`size_bytes\` int NOT NULL, \`rows_read\` int NOT NULL DEFAULT '0', \`error_count\` int NOT NULL DEFAULT '0', \`sheet\` varchar(100) NULL, \`counts\` text NULL, \`failure\` varchar(1000) NULL, \`created_by\` varchar(36) NOT NULL, \`created_at\` datetime(3) NOT NULL, \`started_at\` datetime(3) NULL, \`finished_at\` datetime(3) NULL, \`committed_at\` datetime(3) NULL, INDEX \`IDX_18f089578ef1fa80f3a86f5db8\` (\`county_id\`, \`created_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`registry_import_chunk\` (\`import_id\` varchar(36) NOT NULL, \`seq\` int NOT NULL, \`data\` text NOT NULL, PRIMARY KEY (\`import_id\`, \`seq\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`registry_import_error\` (\`import_id\` varchar(36) NOT NULL, \`seq\` int NOT NULL, \`sheet\` varchar(100) NOT NULL, \`row_number\` int NOT NULL, \`column_name\` varchar(40) NULL, \`code\` varchar(40) NOT NULL, \`message\` varchar(1000) NOT NULL, PRIMARY KEY (\`import_id\`, \`seq\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`registry_import_rows\` (\`import_id\` varchar(36) NOT NULL, \`seq\` int NOT NULL, \`data\` text NOT NULL, PRIMARY KEY (\`import_id\`, \`seq\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`registry_import_chunk\` ADD CONSTRAINT \`FK_2956f87c558fa58f59bbb491f1a\` FOREIGN KEY (\`import_id\`) REFERENCES \`registry_import\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`registry_import_error\` ADD CONSTRAINT \`FK_e75d171249046c411ed99262106\` FOREIGN KEY (\`import_id\`) REFERENCES \`registry_import\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`registry_import_rows\` ADD CONSTRAINT \`FK_a37370f1443f04c0e3e184e2e8e\` FOREIGN KEY (\`import_id\`) REFERENCES \`registry_import\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`registry_import_rows\` DROP FOREIGN KEY \`FK_a37370f1443f04c0e3e184e2e8e\``);
    await queryRunner.query(`ALTER TABLE \`registry_import_error\` DROP FOREIGN KEY \`FK_e75d171249046c411ed99262106\``);
    await queryRunner.query(`ALTER TABLE \`registry_import_chunk\` DROP FOREIGN KEY \`FK_2956f87c558fa58f59bbb491f1a\``);
    await queryRunner.query(`DROP TABLE \`registry_import_rows\``);
    await queryRunner.query(`DROP TABLE \`registry_import_error\``);
    await queryRunner.query(`DROP TABLE \`registry_import_chunk\``);
    await queryRunner.query(`DROP INDEX \`IDX_18f089578ef1fa80f3a86f5db8\` ON \`registry_import\``);
    await queryRunner.query(`DROP TABLE \`registry_import\``);
  }
}
