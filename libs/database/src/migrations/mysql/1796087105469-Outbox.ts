import { MigrationInterface, QueryRunner } from 'typeorm';

export class Outbox1796087105469 implements MigrationInterface {
  name = 'Outbox1796087105469';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`outbox_entry\` (\`id\` varchar(36) NOT NULL, \`job_name\` varchar(64) NOT NULL, \`payload\` text NOT NULL, \`created_at\` datetime(3) NOT NULL, \`available_at\` datetime(3) NOT NULL, \`attempts\` int NOT NULL DEFAULT '0', \`last_error\` varchar(500) NULL, \`claim_token\` varchar(36) NULL, \`claimed_at\` datetime(3) NULL, INDEX \`IDX_869e02611537bd9e1e4761e80e\` (\`claim_token\`), INDEX \`IDX_ca1d49e2c57262e9bd91a8b49b\` (\`available_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_ca1d49e2c57262e9bd91a8b49b\` ON \`outbox_entry\``);
    await queryRunner.query(`DROP INDEX \`IDX_869e02611537bd9e1e4761e80e\` ON \`outbox_entry\``);
    await queryRunner.query(`DROP TABLE \`outbox_entry\``);
  }
}
